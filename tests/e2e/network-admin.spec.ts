import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';

/**
 * The demo admin runs the network for a morning, as issue 11's « done when » says: opens the
 * moderation inbox, approves a structure, hides a listing a member reported, finds both in the
 * audit log, downloads the quarter's impact as a CSV that French Excel opens with its accents, and
 * prints the page for funders. Everything it clicks is found by role and name.
 */

const demoPassword = 'demo-mutua';
const pendingStructure = 'Repair Café de Dunkerque';
const reportedListing = 'Échafaudage roulant';

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter' }).first().click();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

test('the demo admin works through the inbox, the journal and the impact of the quarter', async ({ page }) => {
  await signIn(page, 'admin@demo.mutua.fr');
  const adminNav = page.getByRole('navigation', { name: 'Administration' });

  await test.step('the inbox shows what waits, oldest first, with counts in the navigation', async () => {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Boîte de modération' })).toBeVisible();
    await expect(adminNav.getByRole('link', { name: /^Boîte de modération, \d+ en attente$/ })).toBeVisible();
    await expect(adminNav.getByRole('link', { name: /^Signalements, 1 en attente$/ })).toBeVisible();
    await expect(page.getByRole('article').filter({ hasText: pendingStructure })).toBeVisible();
    await expect(page.getByRole('article').filter({ hasText: reportedListing })).toBeVisible();
  });

  await test.step('approve a structure waiting for the network', async () => {
    await adminNav.getByRole('link', { name: /^Structures/ }).click();
    const card = page.getByRole('article', { name: pendingStructure });
    await card.getByRole('button', { name: `Valider ${pendingStructure}` }).click();
    await expect(page.getByText(`« ${pendingStructure} » est validée`)).toBeVisible();
  });

  await test.step('hide the listing a member reported', async () => {
    await adminNav.getByRole('link', { name: /^Signalements/ }).click();
    await page
      .getByRole('link', { name: /^Voir et traiter le signalement du / })
      .first()
      .click();
    await expect(page.getByText(reportedListing).first()).toBeVisible();
    await page.getByRole('radio', { name: 'Masquer l’annonce ou le message' }).check();
    await page
      .getByLabel('Ce que vous avez fait')
      .fill('Annonce masquée le temps que la régie vérifie les stabilisateurs.');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect(page.getByText('Signalement traité.')).toBeVisible();

    // Out of the catalogue at once.
    await page.goto(`/recherche?q=${encodeURIComponent('échafaudage')}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: reportedListing })).toHaveCount(0);
  });

  await test.step('both actions are in the journal', async () => {
    await page.goto('/admin/journal');
    await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
    await expect(
      page.getByRole('row').filter({ hasText: 'Structure validée' }).filter({ hasText: pendingStructure }),
    ).toHaveCount(1);
    await expect(page.getByRole('row').filter({ hasText: 'Annonce masquée' })).not.toHaveCount(0);
  });

  await test.step('download the quarter’s impact as a CSV for French Excel', async () => {
    await page.goto('/admin/impact');
    await expect(page.getByRole('heading', { level: 1, name: 'Impact et réciprocité' })).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger en CSV : Chiffres clés' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^mutua-impact-.+\.csv$/);
    const bytes = await readFile((await download.path())!);
    // A UTF-8 byte order mark, then `;`-separated French headers with their accents.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain(';');
    expect(text).toMatch(/é/);
    expect(text).toContain('\r\n');
  });

  await test.step('download a person’s data on their request', async () => {
    await adminNav.getByRole('link', { name: 'Personnes' }).click();
    await page.getByLabel('Nom ou adresse e-mail').fill('girard');
    await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText('Données personnelles, à sa demande').first().click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Exporter les données de Paul Girard (JSON)' }).click();
    const exported = JSON.parse(await readFile((await (await downloading).path())!, 'utf8'));
    expect(JSON.stringify(exported)).toContain('epicerie@demo.mutua.fr');
  });

  await test.step('print the page for funders', async () => {
    await page.goto('/admin/impact');
    await page.getByRole('link', { name: 'Bilan pour les financeurs (version imprimable)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bilan pour les financeurs' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    // The print stylesheet leaves the buttons and the navigation out of the paper.
    await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
