import { expect, type Page, test } from '@playwright/test';

/**
 * What a loan request makes people hear: the demo borrower asks for an item; the lender's bell
 * counts it, its notification leads to the request, the lender accepts; the borrower's bell
 * tells the acceptance; a network admin finds both emails in the mailbox and reads one. Then a
 * forgotten password, followed from the reset email the admin reads, on a throwaway account.
 * With JavaScript and without (the demo database is shared: each run takes its own dates).
 */

const demoPassword = 'demo-mutua';
const lender = { email: 'preteur@demo.mutua.fr', organisation: 'La Tonnelle Solidaire' };
const borrower = { email: 'emprunteur@demo.mutua.fr', organisation: 'Centre social Les Tisserands' };
const item = { title: 'Tonnelle pliante 3x3 m', search: 'tonnelle pliante' };

/** A Paris calendar day, `days` from today. */
function parisDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
}

const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications/ });

/** The unread count the bell says (its name: « Notifications, 3 non lues »). */
async function unread(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) non lue/.exec(label)?.[1] ?? 0);
}

/** The admins' mailbox writes an email's subject when it sends it: look again until it is there. */
async function findEmail(page: Page, subject: RegExp, to: string) {
  const row = page
    .getByRole('row')
    .filter({ hasText: to })
    .filter({ has: page.getByRole('link', { name: subject }) })
    .first();
  return lookAgainFor(page, row);
}

async function lookAgainFor(page: Page, row: ReturnType<Page['getByRole']>) {
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  return row;
}

for (const [javaScriptEnabled, inDays] of [
  [true, 100],
  [false, 110],
] as const) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a request rings the lender’s bell, the answer the borrower’s, and the admin reads the emails', async ({
      page,
    }) => {
      const message = `Pour la kermesse du jour ${inDays}, merci !`;
      let before = 0;
      let bookingPath = '';

      await test.step('the lender’s bell, before', async () => {
        await signIn(page, lender.email);
        before = await unread(page);
        await signOut(page);
      });

      await test.step('the borrower asks for the item', async () => {
        await signIn(page, borrower.email);
        await page.goto(`/recherche?q=${encodeURIComponent(item.search)}`);
        await page.getByRole('article', { name: item.title }).getByRole('link', { name: item.title }).click();
        await page.getByLabel('Premier jour (retrait)').fill(parisDay(inDays));
        await page.getByLabel('Dernier jour (retour)').fill(parisDay(inDays + 1));
        await page.getByLabel('Message à la structure').fill(message);
        await page.getByRole('button', { name: 'Envoyer la demande' }).click();
        await expect(page).toHaveURL(/\/prets\/[0-9a-f-]{36}$/);
        bookingPath = new URL(page.url()).pathname;
        await expect(page.getByText(`Les membres de ${lender.organisation} sont prévenus`)).toBeVisible();
        await signOut(page);
      });

      await test.step('the lender’s bell counts it; its notification leads to the request, which the lender accepts', async () => {
        await signIn(page, lender.email);
        expect(await unread(page)).toBeGreaterThan(before);
        await bell(page).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
        const notification = page
          .getByRole('button', { name: `Nouvelle demande de ${borrower.organisation} : ${item.title}` })
          .first();
        await expect(notification).toBeVisible();
        await notification.click();
        await expect(page).toHaveURL(bookingPath);
        await expect(page.getByText(message)).toBeVisible();
        // Opened, so read.
        await bell(page).click();
        const opened = page
          .getByRole('listitem')
          .filter({
            has: page.getByRole('button', { name: `Nouvelle demande de ${borrower.organisation} : ${item.title}` }),
          })
          .first();
        await expect(opened).toBeVisible();
        await expect(opened.getByText('Non lue')).toHaveCount(0);
        await page.goto(bookingPath);
        await page
          .getByRole('button', { name: `Accepter la demande de ${borrower.organisation} : ${item.title}` })
          .click();
        await expect(
          page.getByText(`Demande acceptée : ${item.title}. ${borrower.organisation} est prévenue`),
        ).toBeVisible();
        await signOut(page);
      });

      await test.step('the borrower’s bell tells the acceptance', async () => {
        await signIn(page, borrower.email);
        expect(await unread(page)).toBeGreaterThan(0);
        await bell(page).click();
        const accepted = page
          .getByRole('button', { name: `${lender.organisation} a accepté votre demande : ${item.title}` })
          .first();
        await expect(accepted).toBeVisible();
        await accepted.click();
        await expect(page).toHaveURL(bookingPath);
        await signOut(page);
      });

      await test.step('the admin finds both emails and reads one', async () => {
        await signIn(page, 'admin@demo.mutua.fr');
        await page.getByRole('link', { name: 'Administration' }).click();
        await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'E-mails' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'E-mails' })).toBeVisible();
        await findEmail(page, new RegExp(`^Nouvelle demande de prêt\\s?:\\s?${item.title}$`), lender.email);
        const acceptance = await findEmail(
          page,
          new RegExp(`^Demande acceptée\\s?:\\s?${item.title}$`),
          borrower.email,
        );
        await acceptance.getByRole('link').click();
        await expect(page.getByRole('heading', { level: 1, name: /^Demande acceptée/ })).toBeVisible();
        await expect(page.getByRole('region', { name: 'En-têtes' }).getByText(borrower.email)).toBeVisible();
        const body = page.frameLocator('iframe[title^="Aperçu de l’e-mail"]');
        await expect(
          body.getByRole('paragraph').filter({ hasText: `${lender.organisation} a accepté votre demande` }),
        ).toBeVisible();
        await expect(body.getByRole('link', { name: 'Voir le prêt' })).toBeVisible();
        await signOut(page);
      });
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a forgotten password: the reset email, read in the admins’ mailbox, leads to a new password', async ({
      page,
    }) => {
      // A throwaway account: the demo ones are shared with the other journeys.
      const stamp = `${Date.now()}-${javaScriptEnabled ? 'js' : 'html'}`;
      const person = {
        name: `Noé Oubli ${stamp}`,
        email: `noe.oubli.${stamp}@exemple.org`,
        password: 'trois mots au moins',
      };
      const newPassword = 'un tout nouveau mot de passe';
      let resetLink = '';

      await test.step('someone registers, then forgets their password', async () => {
        await page.goto('/inscription');
        await page.getByLabel('Nom et prénom').fill(person.name);
        await page.getByLabel('Adresse e-mail').fill(person.email);
        await page.getByLabel('Mot de passe').fill(person.password);
        await page.getByRole('radio', { name: 'Rejoindre une structure existante' }).check();
        await page
          .getByLabel('Structure', { exact: true })
          .selectOption({ label: `${borrower.organisation} — Roubaix` });
        await page.getByRole('button', { name: 'Créer mon compte' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Vérifiez vos e-mails' })).toBeVisible();
        await signIn(page, person.email, person.password);
        await expect(page).toHaveURL('/ma-structure');
        await expect(page.getByText(`ouvrez le lien envoyé à ${person.email}`)).toBeVisible();
        await signOut(page);

        await page.getByRole('link', { name: 'Se connecter' }).first().click();
        await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
        await page.getByLabel('Adresse e-mail').fill(person.email);
        await page.getByRole('button', { name: 'Recevoir un lien' }).click();
        await expect(
          page.getByText('Si un compte existe pour cette adresse, nous venons d’y envoyer un lien'),
        ).toBeVisible();
      });

      await test.step('a network admin reads the reset email and its link', async () => {
        await signIn(page, 'admin@demo.mutua.fr');
        await page.goto('/admin/emails');
        const row = await lookAgainFor(
          page,
          page
            .getByRole('row')
            .filter({ hasText: person.email })
            .filter({ hasText: 'Lien pour un nouveau mot de passe' })
            .first(),
        );
        await row.getByRole('link').click();
        await expect(page.getByRole('heading', { level: 1, name: 'Choisissez un nouveau mot de passe' })).toBeVisible();
        const link = page
          .getByRole('region', { name: 'Version texte' })
          .getByRole('link', { name: /\/mot-de-passe\// });
        resetLink = new URL((await link.getAttribute('href'))!).pathname;
        await signOut(page);
      });

      await test.step('the link leads to a new password, which then signs in', async () => {
        await page.goto(resetLink);
        await expect(page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' })).toBeVisible();
        await expect(page.getByText(`Pour le compte ${person.email}.`)).toBeVisible();
        await page.getByLabel('Nouveau mot de passe').fill('court');
        await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
        await expect(page.getByText('Le mot de passe doit contenir au moins 10 caractères.').first()).toBeVisible();
        await page.getByLabel('Nouveau mot de passe').fill(newPassword);
        await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
        await expect(page).toHaveURL('/connexion?mot-de-passe=change');
        await expect(page.getByText('Votre mot de passe est changé')).toBeVisible();

        await page.getByLabel('Adresse e-mail').fill(person.email);
        await page.getByLabel('Mot de passe', { exact: true }).fill(person.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.').first()).toBeVisible();
        await signIn(page, person.email, newPassword);
        await expect(page.getByRole('banner').getByRole('link', { name: `Mon compte : ${person.name}` })).toBeVisible();

        // Used once: the same link is no longer valid.
        await page.goto(resetLink);
        await expect(page.getByRole('heading', { level: 1, name: 'Ce lien a déjà servi' })).toBeVisible();
      });
    });
  });
}
