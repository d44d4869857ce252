import { expect, type Page, test } from '@playwright/test';

/**
 * A borrower picks dates in an item's calendar and asks for it; then fills a basket for other
 * dates with items of two structures, and sends one request. With JavaScript (enhanced forms,
 * the calendar updating in place) and without (links and plain form posts).
 */

const demoPassword = 'demo-mutua';

async function signIn(page: Page, email: string) {
  await page.getByRole('link', { name: 'Se connecter' }).first().click();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

async function openItem(page: Page, words: string, title: string) {
  await page.goto(`/recherche?q=${encodeURIComponent(words)}`);
  await page.getByRole('article', { name: title }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Chooses, in the calendar of the month after next, its first possible day and the second possible last day. */
async function pickDates(page: Page) {
  const calendar = page.locator('#calendrier');
  await calendar.getByRole('link', { name: /^Mois suivant/ }).click();
  await calendar.getByRole('link', { name: /^Mois suivant/ }).click();
  await calendar
    .getByRole('link', { name: /choisir comme premier jour/ })
    .first()
    .click();
  await expect(calendar.getByRole('status')).toContainText('Choisissez maintenant le dernier jour');
  await calendar
    .getByRole('link', { name: /choisir comme dernier jour/ })
    .nth(1)
    .click();
  await expect(calendar.getByRole('status')).toContainText('Dates choisies');
  await expect(page.getByLabel('Premier jour (retrait)')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByLabel('Dernier jour (retour)')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a signed-out visitor sees the calendar and is asked to sign in', async ({ page }) => {
      await openItem(page, 'tables pliantes', 'Tables pliantes 180 cm');
      const availability = page.getByRole('region', { name: 'Disponibilités' });
      await expect(availability.getByRole('table')).toBeVisible();
      await expect(availability.getByRole('link', { name: /choisir comme premier jour/ })).toHaveCount(0);
      await expect(page.getByText('Pour demander ce matériel, connectez-vous')).toBeVisible();
    });

    test('a borrower asks for one item on dates chosen in its calendar', async ({ page }) => {
      await page.goto('/');
      await signIn(page, 'emprunteur@demo.mutua.fr');
      await openItem(page, 'tables pliantes', 'Tables pliantes 180 cm');
      await expect(page.getByText('Durée du prêt : de 1 à 7 jours.')).toBeVisible();

      await test.step('dates in the wrong order are refused, next to the field', async () => {
        await page.getByLabel('Premier jour (retrait)').fill('2030-01-10');
        await page.getByLabel('Dernier jour (retour)').fill('2030-01-08');
        await page.getByRole('button', { name: 'Envoyer la demande' }).click();
        await expect(page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' })).toBeVisible();
        await expect(
          page.getByText('Le dernier jour doit être le même que le premier, ou le suivre.').first(),
        ).toBeVisible();
      });

      await pickDates(page);
      await page.getByLabel('Quantité').selectOption('2');
      await page.getByLabel('Message à la structure').fill('Pour le repas de quartier.');
      await page.getByRole('button', { name: 'Envoyer la demande' }).click();
      await expect(page).toHaveURL(/\/prets\/[0-9a-f-]{36}$/);
    });

    test('a borrower fills a basket with two structures’ items and sends one request', async ({ page }) => {
      await page.goto('/');
      await signIn(page, 'emprunteur@demo.mutua.fr');
      await openItem(page, 'chaises pliantes', 'Chaises pliantes');
      await pickDates(page);
      await page.getByRole('button', { name: 'Ajouter au panier' }).click();
      await expect(page.getByText('« Chaises pliantes » est dans votre panier.')).toBeVisible();
      await page.getByRole('link', { name: 'Voir le panier' }).first().click();

      await expect(page.getByRole('heading', { level: 1, name: 'Emprunter par dates' })).toBeVisible();
      const basket = page.getByRole('region', { name: 'Votre panier' });
      await expect(basket.getByRole('heading', { name: 'Chez La Tonnelle Solidaire' })).toBeVisible();

      // The search runs on the basket's dates: add something from another structure.
      const other = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: /^Ajouter au panier/ }) })
        .filter({ hasNotText: 'La Tonnelle Solidaire' })
        .first();
      const title = (await other.getByRole('heading').textContent())!.trim();
      await other.getByRole('button', { name: /^Ajouter au panier/ }).click();
      await expect(page.getByText(`« ${title} » est dans votre panier.`)).toBeVisible();
      await expect(basket.getByText('Votre demande sera envoyée à 2 structures.')).toBeVisible();

      await basket.getByLabel('Message aux structures').fill('Pour la fête des voisins.');
      await basket.getByRole('button', { name: 'Envoyer la demande' }).click();
      await expect(page).toHaveURL(/\/prets\/groupes\/[0-9a-f-]{36}$/);

      await page.goto('/emprunter');
      await expect(
        page.getByRole('region', { name: 'Votre panier' }).getByText('Votre panier est vide.'),
      ).toBeVisible();
    });
  });
}
