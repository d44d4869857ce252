import { expect, type Page, test } from '@playwright/test';

/**
 * A lender lists an item with a photo; a borrower of another structure finds it by typing the way
 * people type (no accents, plurals) and opens it. Locators go by role and label. It runs with
 * JavaScript (enhanced forms, the photo's upload included) and without (plain form posts).
 */

const demoPassword = 'demo-mutua';
const photoFile = new URL('./fixtures/velo-cargo.jpg', import.meta.url).pathname;

async function signIn(page: Page, email: string) {
  await page.getByRole('link', { name: 'Se connecter' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL('/');
}

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });
    test('a lender lists an item with a photo, a borrower finds it and sees the photo', ({ page }) =>
      catalogueJourney(page));
  });
}

async function catalogueJourney(page: Page) {
  const title = `Vélo cargo électrique Zébulon ${Date.now()}`;
  const photoDescription = 'Vélo cargo vert, caisse à l’avant';

  await test.step('the lender lists a new item', async () => {
    await page.goto('/');
    await signIn(page, 'preteur@demo.mutua.fr');
    await mainNavigation(page).getByRole('link', { name: 'Mon inventaire' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mon inventaire' })).toBeVisible();
    await page.getByRole('link', { name: 'Proposer du matériel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Proposer du matériel' })).toBeVisible();

    await page.getByLabel('Nom de l’objet').fill(title);
    await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Vélos cargos' });
    await page.getByLabel('Description').fill('Assistance électrique, caisse de 100 kg, deux casques fournis.');
    await page.getByRole('radio', { name: 'Par jour' }).check();
    await page.getByLabel('Montant de la participation (€)').fill('5');
    await page.getByLabel('Caution (€)').fill('300');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Votre objet est publié.')).toBeVisible();
  });

  await test.step('and adds a photo to it', async () => {
    await page.getByLabel('Ajouter une photo').setInputFiles(photoFile);
    await page.getByLabel('Description de la photo').fill(photoDescription);
    await page.getByRole('button', { name: 'Envoyer la photo' }).click();
    await expect(page.getByText('Photo ajoutée.')).toBeVisible();
    await expect(
      page.getByRole('region', { name: /Photos/ }).getByRole('img', { name: photoDescription }),
    ).toBeVisible();
    await signOut(page);
  });

  await test.step('a borrower finds it, typing without accents and in the plural', async () => {
    await signIn(page, 'emprunteur@demo.mutua.fr');
    await mainNavigation(page).getByRole('link', { name: 'Catalogue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Matériel à emprunter' })).toBeVisible();
    await page.getByLabel('Quel matériel cherchez-vous ?').fill('velos cargos zebulon');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/q=velos\+cargos\+zebulon/);

    const card = page.getByRole('article', { name: title });
    await expect(card.getByText('5 € par jour')).toBeVisible();
    await expect(card.getByText('La Tonnelle Solidaire')).toBeVisible();
    await card.getByRole('link', { name: title }).click();
  });

  await test.step('opens it and sees the photo and the terms', async () => {
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const photo = page.getByRole('img', { name: photoDescription });
    await expect(photo).toBeVisible();
    // The photo is really there: the resized file the page points at is served as an image.
    const source = await photo.getAttribute('src');
    const response = await page.request.get(source!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/webp');

    const terms = page.getByRole('region', { name: 'Conditions de prêt' });
    await expect(terms.getByText('5 € par jour')).toBeVisible();
    await expect(terms.getByText('300 €')).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Prêté par' }).getByRole('link', { name: 'La Tonnelle Solidaire' }),
    ).toBeVisible();
  });
}
