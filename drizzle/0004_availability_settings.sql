ALTER TABLE "items" ADD COLUMN "handover_weekdays" smallint[] DEFAULT '{1,2,3,4,5,6,7}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "handover_opens_at" time;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "handover_closes_at" time;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "buffer_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "horizon_days" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "on_request" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_id_organisation_key" UNIQUE("id","organisation_id");--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_handover_weekdays" CHECK (cardinality("items"."handover_weekdays") between 1 and 7 and "items"."handover_weekdays" <@ '{1,2,3,4,5,6,7}'::smallint[]);--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_handover_hours" CHECK (("items"."handover_opens_at" is null) = ("items"."handover_closes_at" is null) and ("items"."handover_opens_at" is null or "items"."handover_closes_at" > "items"."handover_opens_at"));--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_buffer_days" CHECK ("items"."buffer_days" between 0 and 30);--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_horizon_days" CHECK ("items"."horizon_days" between 1 and 730);