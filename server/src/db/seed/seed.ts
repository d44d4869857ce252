import { sql } from 'drizzle-orm';
import { hashPassword } from '../../auth/passwords.ts';
import { type Database, rowsOf } from '../client.ts';
import { categories } from '../schema/categories.ts';
import { memberships, networkRoles } from '../schema/memberships.ts';
import { networks } from '../schema/networks.ts';
import { organisationNetworks, organisations } from '../schema/organisations.ts';
import { communes, territories } from '../schema/territories.ts';
import { users } from '../schema/users.ts';
import { itemCategories } from './categories.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoCharters } from './seed-charters.ts';
import { seedDemoImpact } from './seed-impact.ts';
import { seedDemoModeration } from './seed-moderation.ts';
import { seedDemoLoans } from './seed-loans.ts';
import { demoNetworks, demoOrganisations, demoUsers } from './demo-data.ts';
import { hautsDeFranceCommunes, hautsDeFranceTerritories } from './places.ts';

/** Reference data every installation needs: territories, communes, item categories. Idempotent. */
export async function seedReferenceData(db: Database) {
  await db.insert(territories).values(hautsDeFranceTerritories).onConflictDoNothing();
  await db.insert(communes).values(hautsDeFranceCommunes).onConflictDoNothing();
  await db
    .insert(categories)
    .values(itemCategories)
    .onConflictDoUpdate({
      target: categories.id,
      set: { nameFr: sql`excluded.name_fr`, nameEn: sql`excluded.name_en`, position: sql`excluded.position` },
    });
}

export async function isEmpty(db: Database): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from ${networks} limit 1`)).length === 0;
}

/** The demo: two networks, a dozen structures across Hauts-de-France, the demo accounts, their catalogue. */
export async function seedDemo(db: Database, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const networkRows = await tx
      .insert(networks)
      .values(demoNetworks)
      .returning({ id: networks.id, slug: networks.slug });
    const networkId = (slug: string) => networkRows.find((n) => n.slug === slug)!.id;
    const userRows = await tx
      .insert(users)
      .values(demoUsers.map(({ email, name }) => ({ email, name, passwordHash, emailVerifiedAt: new Date() })))
      .returning({ id: users.id, email: users.email });
    const userId = (email: string) => userRows.find((u) => u.email === email)!.id;
    const adminId = userId('admin@demo.mutua.fr');

    const place = (postcode: string) => hautsDeFranceCommunes.find((c) => c.postcode === postcode)!;
    const organisationRows = await tx
      .insert(organisations)
      .values(
        demoOrganisations.map((o) => ({
          name: o.name,
          kind: o.kind,
          status: o.status,
          city: o.city,
          postcode: o.postcode,
          address: o.address,
          description: o.description,
          territoryCode: place(o.postcode).territoryCode,
          communeInseeCode: place(o.postcode).inseeCode,
          latitude: place(o.postcode).latitude,
          longitude: place(o.postcode).longitude,
          reviewedAt: o.status === 'pending' ? null : new Date(),
          reviewedBy: o.status === 'pending' ? null : adminId,
        })),
      )
      .returning({ id: organisations.id, name: organisations.name });
    const organisationId = (key: string) => {
      const name = demoOrganisations.find((o) => o.key === key)!.name;
      return organisationRows.find((o) => o.name === name)!.id;
    };

    await tx
      .insert(organisationNetworks)
      .values(
        demoOrganisations.flatMap((o) =>
          o.networks.map((slug) => ({ organisationId: organisationId(o.key), networkId: networkId(slug) })),
        ),
      );
    await tx.insert(memberships).values(
      demoUsers.flatMap((u) => {
        const key = u.managerOf ?? u.memberOf;
        if (!key) return [];
        const role = u.managerOf ? ('manager' as const) : ('member' as const);
        return [{ userId: userId(u.email), organisationId: organisationId(key), role, status: 'active' as const }];
      }),
    );
    await seedDemoCatalogue(tx, organisationId);
    const managerOf = (key: string) => {
      const email = demoUsers.find((u) => u.managerOf === key)?.email;
      return email ? userId(email) : undefined;
    };
    await seedDemoLoans(tx, organisationId, managerOf);
    await tx.insert(networkRoles).values(
      demoUsers.flatMap((u) =>
        (u.adminOf ?? []).map((slug) => ({
          userId: userId(u.email),
          networkId: networkId(slug),
          role: 'admin' as const,
        })),
      ),
    );
    const ids = { networkId, organisationId, userId };
    await seedDemoCharters(tx, ids);
    await seedDemoImpact(tx, ids);
    await seedDemoModeration(tx, ids);
  });
}
