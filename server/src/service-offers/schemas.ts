import { ServiceSlotSchema } from '../domain/bookings.ts';
import Type from 'typebox';
import { Nullable } from '../domain/nullable.ts';
import {
  listingStatuses,
  listingVisibilities,
  serviceDomains,
  serviceFormats,
  serviceParticipations,
} from '../domain/catalogue.ts';
import { ListingOwnerSchema } from '../listings/schemas.ts';
import { PhotoSchema } from '../photos/schemas.ts';

const Uuid = Type.String({ format: 'uuid' });

const serviceCommon = {
  id: Uuid,
  kind: Type.Literal('service'),
  title: Type.String(),
  domain: Type.Enum([...serviceDomains]),
  format: Type.Enum([...serviceFormats]),
  durationMinutes: Nullable(Type.Integer()),
  participation: Type.Enum([...serviceParticipations]),
  price: Nullable(Type.Number()),
  city: Type.String(),
  postcode: Type.String(),
  territoryCode: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  status: Type.Enum([...listingStatuses]),
  visibility: Type.Enum([...listingVisibilities]),
  organisation: ListingOwnerSchema,
  createdAt: Type.String({ format: 'date-time' }),
};

export const ServiceSummarySchema = Type.Object({
  ...serviceCommon,
  excerpt: Type.String(),
  photo: Nullable(PhotoSchema),
  distanceKm: Nullable(Type.Number()),
});

export const ServiceSearchResultSchema = Type.Object({
  items: Type.Array(ServiceSummarySchema, { description: 'Les offres de la page' }),
  nextCursor: Nullable(Type.String()),
});

export const ServiceDetailSchema = Type.Object({
  ...serviceCommon,
  description: Type.String(),
  providerName: Type.String(),
  photos: Type.Array(PhotoSchema),
  slots: Type.Array(ServiceSlotSchema),
  onRequest: Type.Boolean(),
  viewer: Type.Object({ canEdit: Type.Boolean(), canBorrow: Type.Boolean() }),
  updatedAt: Type.String({ format: 'date-time' }),
});
