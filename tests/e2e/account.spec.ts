import { type Browser, expect, type Page, test } from '@playwright/test';

/**
 * One's own account: sign-up answers « Vérifiez vos e-mails » whether the address is free or
 * taken; on « Mon compte » the password is changed with the current one (a guessable one is
 * refused next to its field) and the sessions are listed and closed. With JavaScript and without.
 */

const demoPassword = 'demo-mutua';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

async function signUp(page: Page, person: { name: string; email: string; password: string }, structure: string) {
  await page.goto('/inscription');
  await page.getByLabel('Nom et prénom').fill(person.name);
  await page.getByLabel('Adresse e-mail').fill(person.email);
  await page.getByLabel('Mot de passe').fill(person.password);
  await page.getByRole('radio', { name: 'Créer une nouvelle structure' }).check();
  await page.getByLabel('Nom de la structure').fill(structure);
  await page.getByLabel('Type de structure').selectOption({ label: 'Association' });
  await page.getByLabel('Commune').fill('Arras');
  await page.getByLabel('Code postal').fill('62000');
  await page.getByRole('checkbox', { name: /J’ai lu et j’accepte la charte du Réseau ESS Hauts-de-France/ }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
}

/** A second device: its own browser context, hence its own session. */
async function otherDevice(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'fr-FR' });
  return { page: await context.newPage(), close: () => context.close() };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('sign-up says « Vérifiez vos e-mails », for a free address as for a taken one', async ({ page }) => {
      const stamp = `${Date.now()}-${javaScriptEnabled ? 'js' : 'html'}`;
      await signUp(
        page,
        { name: `Inès Neuve ${stamp}`, email: `ines.neuve.${stamp}@exemple.org`, password: 'trois mots au moins' },
        `Atelier neuf ${stamp}`,
      );
      await expect(page.getByRole('heading', { level: 1, name: 'Vérifiez vos e-mails' })).toBeVisible();
      const free = await page.getByRole('main').textContent();

      await signUp(
        page,
        { name: 'Quelqu’un', email: 'emprunteur@demo.mutua.fr', password: 'un tout autre mot de passe' },
        `Atelier pris ${stamp}`,
      );
      await expect(page.getByRole('heading', { level: 1, name: 'Vérifiez vos e-mails' })).toBeVisible();
      expect((await page.getByRole('main').textContent())?.replace('emprunteur@demo.mutua.fr', 'X')).toBe(
        free?.replace(`ines.neuve.${stamp}@exemple.org`, 'X'),
      );
      // Nothing changed for the account that had the address: its password still signs in.
      await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
      await signIn(page, 'emprunteur@demo.mutua.fr', demoPassword);
    });

    test('refuses a guessable password at sign-up, next to its field', async ({ page }) => {
      const stamp = `${Date.now()}-${javaScriptEnabled ? 'js' : 'html'}`;
      await signUp(
        page,
        { name: `Jo Faible ${stamp}`, email: `jo.faible.${stamp}@exemple.org`, password: 'azertyuiop' },
        `Atelier faible ${stamp}`,
      );
      await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();
      const password = page.getByLabel('Mot de passe');
      await expect(password).toHaveAttribute('aria-invalid', 'true');
      await expect(password).toHaveAccessibleDescription(/trop facile à deviner/);
    });

    test('changes the password on « Mon compte », and closes the sessions elsewhere', async ({ page, browser }) => {
      const stamp = `${Date.now()}-${javaScriptEnabled ? 'js' : 'html'}`;
      const person = {
        name: `Léon Compte ${stamp}`,
        email: `leon.compte.${stamp}@exemple.org`,
        password: 'trois mots au moins',
      };
      const newPassword = 'quatre mots bien rangés';
      await signUp(page, person, `Atelier compte ${stamp}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Vérifiez vos e-mails' })).toBeVisible();

      const phone = await otherDevice(browser, javaScriptEnabled);
      await signIn(phone.page, person.email, person.password);
      await signIn(page, person.email, person.password);
      await page.goto('/compte');

      await test.step('the sessions: this device and the other one', async () => {
        const sessions = page.getByRole('region', { name: 'Sessions' });
        await expect(sessions.getByRole('list', { name: 'Sessions ouvertes' }).getByRole('listitem')).toHaveCount(2);
        await expect(sessions.getByText('Cet appareil', { exact: true })).toHaveCount(1);
        // The app passes the browser's user agent on to the API, so each device is named (the
        // « Desktop Chrome » device of playwright.config.ts says Windows).
        await expect(sessions.getByText('Chrome sur Windows', { exact: true })).toHaveCount(2);
        await expect(sessions.getByText('Appareil inconnu')).toHaveCount(0);
        await expect(sessions.getByRole('button', { name: /^Fermer cette session : / })).toHaveCount(1);
      });

      await test.step('a wrong current password, then a guessable new one, each refused next to its field', async () => {
        const section = page.getByRole('region', { name: 'Mot de passe' });
        await section.getByLabel('Mot de passe actuel').fill('pas le bon du tout');
        await section.getByLabel('Nouveau mot de passe').fill(newPassword);
        await section.getByRole('button', { name: 'Changer mon mot de passe' }).click();
        await expect(section.getByLabel('Mot de passe actuel')).toHaveAccessibleDescription(
          'Ce n’est pas votre mot de passe actuel.',
        );

        await section.getByLabel('Mot de passe actuel').fill(person.password);
        await section.getByLabel('Nouveau mot de passe').fill('1234567890');
        await section.getByRole('button', { name: 'Changer mon mot de passe' }).click();
        await expect(section.getByLabel('Nouveau mot de passe')).toHaveAccessibleDescription(/trop facile à deviner/);
      });

      await test.step('the right one: this session stays, the other device is signed out', async () => {
        const section = page.getByRole('region', { name: 'Mot de passe' });
        await section.getByLabel('Mot de passe actuel').fill(person.password);
        await section.getByLabel('Nouveau mot de passe').fill(newPassword);
        await section.getByRole('button', { name: 'Changer mon mot de passe' }).click();
        await expect(section.getByText('Mot de passe changé.')).toBeVisible();
        await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
        await phone.page.goto('/compte');
        await expect(phone.page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
      });

      await test.step('« Se déconnecter de partout ailleurs » closes a new session elsewhere', async () => {
        await signIn(phone.page, person.email, newPassword);
        await page.goto('/compte');
        const sessions = page.getByRole('region', { name: 'Sessions' });
        await sessions.getByRole('button', { name: 'Se déconnecter de partout ailleurs' }).click();
        await expect(sessions.getByText('1 autre session est fermée.')).toBeVisible();
        await expect(sessions.getByRole('list', { name: 'Sessions ouvertes' }).getByRole('listitem')).toHaveCount(1);
        await phone.page.goto('/compte');
        await expect(phone.page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
      });
      await phone.close();
    });
  });
}
