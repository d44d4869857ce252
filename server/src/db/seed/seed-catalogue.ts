import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { Database } from '../client.ts';
import { items } from '../schema/items.ts';
import { needs } from '../schema/needs.ts';
import { organisations } from '../schema/organisations.ts';
import { services } from '../schema/services.ts';
import { inArray } from 'drizzle-orm';
import { demoItems, demoNeeds, demoServices } from './demo-catalogue.ts';

/** Adds the demo catalogue to the demo structures (`organisationIdOf` maps a demo key to its id). */
export async function seedDemoCatalogue(db: Database, organisationIdOf: (key: string) => string) {
  const keys = [...new Set([...demoItems, ...demoServices, ...demoNeeds].map((entry) => entry.owner))];
  const places = await db
    .select({
      id: organisations.id,
      address: organisations.address,
      city: organisations.city,
      postcode: organisations.postcode,
      territoryCode: organisations.territoryCode,
      latitude: organisations.latitude,
      longitude: organisations.longitude,
    })
    .from(organisations)
    .where(inArray(organisations.id, keys.map(organisationIdOf)));
  const placeOf = (key: string) => places.find((p) => p.id === organisationIdOf(key))!;

  // Spread creation instants over the past weeks, so that "newest" means something.
  const now = Date.now();
  const createdAt = (index: number) => new Date(now - index * 7 * 3600 * 1000);

  await db.insert(items).values(
    demoItems.map((item, index) => {
      const place = placeOf(item.owner);
      return {
        organisationId: place.id,
        title: item.title,
        categoryId: item.category,
        description: item.description,
        quantity: item.quantity,
        condition: item.condition,
        replacementValueCents: item.value * 100,
        depositCents: item.deposit === undefined ? null : item.deposit * 100,
        fee: item.fee?.[0] ?? ('free' as const),
        feeCents: item.fee ? item.fee[1] * 100 : null,
        pickupAddress: place.address,
        pickupCity: place.city,
        pickupPostcode: place.postcode,
        pickupInstructions: 'Retrait sur rendez-vous, du lundi au vendredi.',
        territoryCode: place.territoryCode,
        latitude: place.latitude,
        longitude: place.longitude,
        usageRules: item.rules ?? '',
        maxLoanDays: item.maxDays ?? null,
        minNoticeDays: item.notice ?? 0,
        visibility: item.visibility ?? 'networks',
        status: 'published' as const,
        createdAt: createdAt(index),
        updatedAt: createdAt(index),
      };
    }),
  );

  await db.insert(services).values(
    demoServices.map((service, index) => {
      const place = placeOf(service.owner);
      return {
        organisationId: place.id,
        title: service.title,
        domain: service.domain,
        description: service.description,
        format: service.format,
        durationMinutes: service.minutes ?? null,
        providerName: service.provider,
        participation: service.participation,
        priceCents: service.price === undefined ? null : service.price * 100,
        city: place.city,
        postcode: place.postcode,
        territoryCode: place.territoryCode,
        latitude: place.latitude,
        longitude: place.longitude,
        visibility: service.visibility ?? 'networks',
        status: 'published' as const,
        createdAt: createdAt(index * 3),
        updatedAt: createdAt(index * 3),
      };
    }),
  );

  const today = TZDate.tz('Europe/Paris');
  const day = (offset: number | undefined) =>
    offset === undefined ? null : format(addDays(today, offset), 'yyyy-MM-dd');
  await db.insert(needs).values(
    demoNeeds.map((need, index) => ({
      organisationId: placeOf(need.owner).id,
      kind: need.kind,
      title: need.title,
      description: need.description,
      categoryId: need.category ?? null,
      serviceDomain: need.domain ?? null,
      neededFrom: day(need.fromInDays),
      neededUntil: day(need.untilInDays),
      territoryCode: placeOf(need.owner).territoryCode,
      visibility: 'all' as const,
      createdAt: createdAt(index * 5),
    })),
  );
}
