import { expect, type Page, test } from '@playwright/test';

/**
 * The journey of the issue: the demo borrower chooses dates first, finds two items from two
 * lenders, sends one request; each lender accepts it in its dashboard; the borrower sees both
 * accepted. Run with JavaScript and without, on different dates (the same demo database).
 */

const demoPassword = 'demo-mutua';
const borrowerName = 'Centre social Les Tisserands';
const lenders = [
  { email: 'preteur@demo.mutua.fr', name: 'La Tonnelle Solidaire', item: 'Tonnelle pliante 3x3 m', search: 'tonnelle' },
  {
    email: 'velo@demo.mutua.fr',
    name: 'Vélo en Ville Amiens',
    item: 'Vélo cargo biporteur électrique',
    search: 'vélo cargo',
  },
];

/** A Paris calendar day, `days` from today. */
function parisDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

async function signIn(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
}

for (const [javaScriptEnabled, inDays] of [
  [true, 60],
  [false, 75],
] as const) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });
    test('dates first, two lenders, one request, each lender accepts, the borrower sees both accepted', async ({
      page,
    }) => {
      const startDate = parisDay(inDays);
      const endDate = parisDay(inDays + 2);

      await signIn(page, 'emprunteur@demo.mutua.fr');
      await page.getByRole('link', { name: 'Emprunter' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Emprunter par dates' })).toBeVisible();

      for (const lender of lenders) {
        await page.getByLabel('Premier jour (retrait)').fill(startDate);
        await page.getByLabel('Dernier jour (retour)').fill(endDate);
        await page.getByLabel('Matériel recherché').fill(lender.search);
        await page.getByRole('button', { name: 'Voir le matériel libre' }).click();
        await page.getByRole('button', { name: `Ajouter au panier : ${lender.item}` }).click();
        await expect(page.getByText(`« ${lender.item} » est dans votre panier.`)).toBeVisible();
      }
      const basket = page.getByRole('region', { name: 'Votre panier' });
      await expect(basket.getByText('Votre demande sera envoyée à 2 structures.')).toBeVisible();
      await basket.getByLabel('Message aux structures').fill('Pour la fête de l’Épeule : merci !');
      await basket.getByRole('button', { name: 'Envoyer la demande' }).click();
      await expect(page).toHaveURL(/\/prets\/groupes\/[0-9a-f-]{36}$/);
      const basketPage = page.url();
      await expect(page.getByText('En attente de réponses')).toBeVisible();
      await signOut(page);

      for (const lender of lenders) {
        await signIn(page, lender.email);
        await page.getByRole('link', { name: 'Mes prêts' }).first().click();
        const toAnswer = page.getByRole('region', { name: /Demandes à traiter/ });
        await toAnswer.getByRole('button', { name: `Accepter la demande de ${borrowerName} : ${lender.item}` }).click();
        await expect(
          toAnswer.getByRole('button', { name: `Accepter la demande de ${borrowerName} : ${lender.item}` }),
        ).toHaveCount(0);
        await signOut(page);
      }

      await signIn(page, 'emprunteur@demo.mutua.fr');
      await page.goto(basketPage);
      await expect(page.getByText('Tout est accepté')).toBeVisible();
      for (const lender of lenders) {
        const part = page.getByRole('article').filter({ hasText: lender.name });
        await expect(part.getByText('Acceptée')).toBeVisible();
      }
    });
  });
}
