import { and, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { items } from '../schema/items.ts';
import { organisations } from '../schema/organisations.ts';
import { reports } from '../schema/reports.ts';
import type { DemoIds } from './demo-ids.ts';

/**
 * What the demo admin finds in the moderation inbox: a member of the Tisserands reports the Régie
 * de Calais's scaffold as unsafe (both are in the regional network), and the Jardins de Béthune's
 * new motor hoe waits for review.
 */
export async function seedDemoModeration(tx: Database, ids: DemoIds): Promise<void> {
  const regieId = ids.organisationId('regie-calais');
  const [scaffold] = await tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.organisationId, regieId), eq(items.title, 'Échafaudage roulant')));
  if (scaffold) {
    await tx.insert(reports).values({
      targetType: 'item',
      targetId: scaffold.id,
      organisationId: regieId,
      networkIds: [ids.networkId('ess-hauts-de-france')],
      reporterId: ids.userId('emprunteur@demo.mutua.fr'),
      reporterOrganisationId: ids.organisationId('tisserands'),
      reasonCode: 'unsafe',
      text: 'Un des stabilisateurs ne se verrouille plus : l’échafaudage a penché pendant le montage à la fête de quartier. À vérifier avant de le prêter à nouveau.',
      createdAt: new Date(Date.now() - 2 * 24 * 3600 * 1000),
    });
  }

  const jardinsId = ids.organisationId('jardins-bethune');
  const [place] = await tx
    .select({
      city: organisations.city,
      postcode: organisations.postcode,
      address: organisations.address,
      territoryCode: organisations.territoryCode,
      latitude: organisations.latitude,
      longitude: organisations.longitude,
    })
    .from(organisations)
    .where(eq(organisations.id, jardinsId));
  await tx.insert(items).values({
    organisationId: jardinsId,
    title: 'Motobineuse thermique',
    categoryId: 'jardin',
    description: 'Motobineuse 4 temps, largeur de travail 60 cm, pour préparer les parcelles des jardins partagés.',
    quantity: 1,
    condition: 'good',
    replacementValueCents: 45_000,
    depositCents: 10_000,
    pickupAddress: place?.address ?? '',
    pickupCity: place?.city ?? 'Béthune',
    pickupPostcode: place?.postcode ?? '62400',
    territoryCode: place?.territoryCode ?? '62',
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    usageRules: 'Rendre le réservoir plein et les fraises nettoyées.',
    maxLoanDays: 3,
    minNoticeDays: 2,
    visibility: 'networks',
    status: 'pending_review',
    createdAt: new Date(Date.now() - 24 * 3600 * 1000),
    updatedAt: new Date(Date.now() - 24 * 3600 * 1000),
  });
}
