import { and, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { charterReadings, networkCharters, networkTerritories } from '../schema/networks.ts';
import { organisationNetworks } from '../schema/organisations.ts';
import { demoOrganisations, demoUsers } from './demo-data.ts';
import type { DemoIds } from './demo-ids.ts';
import { hautsDeFranceTerritories } from './places.ts';

/** Version 1 of each demo network's charter: the four principles, in the network's own words. */
export const demoCharters: Record<string, string> = {
  'ess-hauts-de-france': [
    'En rejoignant le Réseau ESS Hauts-de-France, notre structure partage son matériel et ses savoir-faire avec les autres structures du réseau, selon quatre principes.',
    'Utilité sociale. Ce que nous prêtons et empruntons sert nos projets d’intérêt collectif : l’accueil, l’insertion, la culture, le lien entre habitants.',
    'Ancrage territorial. Nous agissons dans l’Aisne, le Nord, l’Oise, le Pas-de-Calais et la Somme, et nous privilégions les échanges entre voisins.',
    'Gouvernance démocratique. Les règles du réseau se décident ensemble ; chaque structure a voix au chapitre, quelle que soit sa taille.',
    'Lucrativité limitée. Les prêts sont gratuits ou à prix coûtant ; aucune structure ne tire profit du matériel des autres.',
  ].join('\n\n'),
  'environnement-solidarite': [
    'Le Réseau Environnement & Solidarité réunit des structures qui font durer les objets et partagent plutôt que d’acheter. Notre structure s’engage sur quatre principes.',
    'Utilité sociale. Chaque prêt évite un achat, un déchet, et rend un service à une structure qui en a besoin.',
    'Ancrage territorial. Nous partageons au plus près, dans les départements des Hauts-de-France, pour limiter les transports.',
    'Gouvernance démocratique. Les structures membres décident ensemble des règles de partage et de l’évolution de cette charte.',
    'Lucrativité limitée. Le partage n’est pas un commerce : nous rendons le matériel en bon état et n’en faisons pas de profit.',
  ].join('\n\n'),
};

/**
 * The demo networks' charters (the four principles), and the structures' acceptance of them:
 * each structure's manager accepted version 1 when it joined, and the demo's people have read it
 * (a new version published by the admin is what « la charte a changé » shows). Both networks work
 * in the five Hauts-de-France départements.
 */
export async function seedDemoCharters(tx: Database, ids: DemoIds): Promise<void> {
  const publishedBy = ids.userId('admin@demo.mutua.fr');
  const slugs = Object.keys(demoCharters);
  await tx
    .insert(networkCharters)
    .values(
      slugs.map((slug) => ({ networkId: ids.networkId(slug), version: 1, body: demoCharters[slug]!, publishedBy })),
    );
  await tx.insert(networkTerritories).values(
    slugs.flatMap((slug) =>
      hautsDeFranceTerritories.map((territory) => ({
        networkId: ids.networkId(slug),
        territoryCode: territory.code,
      })),
    ),
  );

  const acceptedAt = new Date();
  for (const organisation of demoOrganisations) {
    const manager = demoUsers.find((user) => user.managerOf === organisation.key);
    if (!manager) continue;
    for (const slug of organisation.networks) {
      await tx
        .update(organisationNetworks)
        .set({ charterVersion: 1, charterAcceptedAt: acceptedAt, charterAcceptedBy: ids.userId(manager.email) })
        .where(
          and(
            eq(organisationNetworks.organisationId, ids.organisationId(organisation.key)),
            eq(organisationNetworks.networkId, ids.networkId(slug)),
          ),
        );
    }
  }

  const readings = demoUsers.flatMap((user) => {
    const key = user.managerOf ?? user.memberOf;
    const organisation = demoOrganisations.find((o) => o.key === key);
    return (organisation?.networks ?? []).map((slug) => ({
      userId: ids.userId(user.email),
      networkId: ids.networkId(slug),
      version: 1,
      readAt: acceptedAt,
    }));
  });
  if (readings.length > 0) await tx.insert(charterReadings).values(readings);
}
