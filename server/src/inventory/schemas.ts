import Type from 'typebox';
import { ItemSummarySchema } from '../items/schemas.ts';
import { ServiceSummarySchema } from '../service-offers/schemas.ts';

export const InventorySchema = Type.Object({
  items: Type.Array(ItemSummarySchema),
  services: Type.Array(ServiceSummarySchema),
});
