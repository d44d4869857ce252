import { expect, type Page, test } from '@playwright/test';

/**
 * A new structure registers, waits for the network, is approved by a network admin, and its
 * manager then finds it active. Locators go by role and label: the journey also proves that
 * every control it uses is named for assistive technologies. It runs twice: with JavaScript
 * (enhanced forms) and without (plain form posts), since the app must work both ways.
 */

const demoPassword = 'demo-mutua';

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('link', { name: 'Se connecter' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });
    test('a new structure waits for approval, a network admin approves it, then it can trade', ({ page }) =>
      approvalJourney(page));
  });
}

async function approvalJourney(page: Page) {
  const stamp = Date.now();
  const person = {
    name: `Alex Essai ${stamp}`,
    email: `alex.essai.${stamp}@exemple.org`,
    password: 'trois mots au moins',
  };
  const structure = `Ressourcerie d’essai ${stamp}`;
  let verificationLink = '';
  let listingPage = '';

  await test.step('register a new structure', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Créer un compte' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();

    await page.getByLabel('Nom et prénom').fill(person.name);
    await page.getByLabel('Adresse e-mail').fill(person.email);
    await page.getByLabel('Mot de passe').fill(person.password);
    await page.getByRole('radio', { name: 'Créer une nouvelle structure' }).check();
    await page.getByLabel('Nom de la structure').fill(structure);
    await page.getByLabel('Type de structure').selectOption({ label: 'Association' });
    await page.getByLabel('Commune').fill('Lille');
    await page.getByLabel('Code postal').fill('59000');
    // The network proposed by default, and its charter accepted (a structure joins a network by accepting it).
    await expect(page.getByRole('checkbox', { name: /^Rejoindre le Réseau ESS Hauts-de-France/ })).toBeChecked();
    await page.getByRole('checkbox', { name: /^J’ai lu et j’accepte la charte du Réseau ESS Hauts-de-France/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    // No session yet: the same answer as for an address that already has an account.
    await expect(page.getByRole('heading', { level: 1, name: 'Vérifiez vos e-mails' })).toBeVisible();
    await expect(page.getByText(`Nous venons d’envoyer un message à ${person.email}`)).toBeVisible();
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL('/ma-structure');
  });

  await test.step('the structure is pending and cannot publish yet', async () => {
    const section = page.getByRole('region', { name: structure });
    await expect(section.getByRole('heading', { level: 2, name: structure })).toBeVisible();
    await expect(section.getByText('En attente de validation', { exact: true })).toBeVisible();
    await expect(
      section.getByText(
        'En attente de validation par le réseau : vous pouvez parcourir le catalogue, mais pas encore publier ni emprunter.',
      ),
    ).toBeVisible();
    // Not yet in the public directory either.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Structures' })
      .click();
    await page.getByLabel('Nom ou commune').fill(String(stamp));
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByText('Aucune structure ne correspond à votre recherche.')).toBeVisible();
    // Nor does it see the lenders' contact details yet, and the listing page says why.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Catalogue' })
      .click();
    await page.getByRole('article').first().getByRole('link').first().click();
    // Wait for the listing's page before keeping its address (on a busy machine the click lands later).
    await expect(page).toHaveURL(/\/(materiel|services)\/[^/]+$/);
    listingPage = page.url();
    await expect(
      page.getByText(
        'Les coordonnées d’une structure sont visibles par les personnes des structures validées de ses réseaux.',
      ),
    ).toBeVisible();
  });

  await test.step('a network admin approves it', async () => {
    await signOut(page);
    await signIn(page, 'admin@demo.mutua.fr', demoPassword);
    // The admin lands on the moderation inbox: the new structure waits there, with its town.
    await expect(page).toHaveURL('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Boîte de modération' })).toBeVisible();
    const adminNav = page.getByRole('navigation', { name: 'Administration' });
    await expect(adminNav.getByRole('link', { name: /^Boîte de modération, \d+ en attente$/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(adminNav.getByRole('link', { name: /^Structures, \d+ en attente$/ })).toBeVisible();
    const waiting = page.getByRole('article', { name: `Structure à valider : ${structure}` });
    await expect(waiting.getByText('Commune : Lille')).toBeVisible();
    await waiting.getByRole('link', { name: `Examiner la structure ${structure}` }).click();

    await expect(page).toHaveURL('/admin/structures');
    await expect(page.getByRole('heading', { level: 1, name: 'Administration du réseau' })).toBeVisible();
    await expect(page.getByRole('link', { name: /En attente/ })).toHaveAttribute('aria-current', 'page');

    const card = page.getByRole('article', { name: structure });
    await expect(card.getByText(person.email)).toBeVisible();
    await expect(card.getByText('Lille (59000)')).toBeVisible();
    await card.getByRole('button', { name: `Valider ${structure}` }).click();

    await expect(page.getByText(`« ${structure} » est validée`)).toBeVisible();
    await expect(card).toHaveCount(0);

    await page.getByRole('link', { name: 'Validées' }).click();
    await expect(page.getByRole('article', { name: structure })).toBeVisible();

    // The approval is in the network's journal: who, what, the status before and after.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Journal' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
    await page.getByLabel('Rechercher').fill(String(stamp));
    await page.getByLabel('Action').selectOption({ label: 'Structure validée' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const entry = page.getByRole('row').filter({ hasText: structure });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByText('Structure validée')).toBeVisible();
    await expect(entry.getByText('Statut : en attente → active')).toBeVisible();

    // The link that confirms the new manager's address, as the demo's mailbox shows it.
    await page.goto('/admin/emails');
    const row = page
      .getByRole('row')
      .filter({ hasText: person.email })
      .filter({ hasText: 'Confirmez votre adresse e-mail' })
      .first();
    await expect(async () => {
      await page.reload();
      await expect(row).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await row.getByRole('link').click();
    const link = page.getByRole('region', { name: 'Version texte' }).getByRole('link', { name: /\/verifier-email\// });
    verificationLink = new URL((await link.getAttribute('href'))!).pathname;
  });

  await test.step('its manager confirms their address from the email', async () => {
    await signOut(page);
    await signIn(page, person.email, person.password);
    await page.goto(verificationLink);
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Adresse confirmée' })).toBeVisible();
  });

  await test.step('its manager finds it active', async () => {
    await page.goto('/ma-structure');
    const section = page.getByRole('region', { name: structure });
    await expect(section.getByText('Validée', { exact: true })).toBeVisible();
    await expect(section.getByText('Structure validée : vous pouvez publier et emprunter.')).toBeVisible();
    await expect(section.getByText(/pas encore publier/)).toHaveCount(0);
    await page.goto(listingPage);
    const lender = page.getByRole('region', { name: 'Prêté par' });
    await expect(lender.getByRole('heading', { level: 3, name: 'Contacter' })).toBeVisible();
    await expect(page.getByText(/Les coordonnées d’une structure sont visibles/)).toHaveCount(0);
  });
}
