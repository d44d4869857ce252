CREATE TYPE "public"."item_condition" AS ENUM('new', 'very_good', 'good', 'worn');--> statement-breakpoint
CREATE TYPE "public"."item_fee" AS ENUM('free', 'per_day', 'per_loan');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'pending_review', 'published', 'hidden', 'archived');--> statement-breakpoint
CREATE TYPE "public"."listing_visibility" AS ENUM('networks', 'all');--> statement-breakpoint
CREATE TYPE "public"."need_kind" AS ENUM('item', 'service');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('open', 'fulfilled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."service_domain" AS ENUM('transition_ecologique', 'animation_facilitation', 'pedagogie', 'communication', 'gestion_comptabilite', 'numerique', 'juridique', 'autre');--> statement-breakpoint
CREATE TYPE "public"."service_format" AS ENUM('on_site', 'remote', 'both');--> statement-breakpoint
CREATE TYPE "public"."service_participation" AS ENUM('free', 'exchange', 'price');--> statement-breakpoint
CREATE TABLE "categories" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "categories_id_slug" CHECK ("categories"."id" ~ '^[a-z0-9-]+$'),
	CONSTRAINT "categories_not_own_parent" CHECK ("categories"."parent_id" is distinct from "categories"."id")
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"condition" "item_condition" DEFAULT 'good' NOT NULL,
	"replacement_value_cents" integer DEFAULT 0 NOT NULL,
	"deposit_cents" integer,
	"fee" "item_fee" DEFAULT 'free' NOT NULL,
	"fee_cents" integer,
	"pickup_address" text DEFAULT '' NOT NULL,
	"pickup_city" text NOT NULL,
	"pickup_postcode" text NOT NULL,
	"pickup_instructions" text DEFAULT '' NOT NULL,
	"territory_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"usage_rules" text DEFAULT '' NOT NULL,
	"min_loan_days" integer DEFAULT 1 NOT NULL,
	"max_loan_days" integer,
	"min_notice_days" integer DEFAULT 0 NOT NULL,
	"visibility" "listing_visibility" DEFAULT 'networks' NOT NULL,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(title)), 'A') || setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(description)), 'B')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "items_title_not_blank" CHECK (length(trim("items"."title")) > 0),
	CONSTRAINT "items_quantity_positive" CHECK ("items"."quantity" between 1 and 10000),
	CONSTRAINT "items_replacement_value_not_negative" CHECK ("items"."replacement_value_cents" >= 0),
	CONSTRAINT "items_deposit_not_negative" CHECK ("items"."deposit_cents" is null or "items"."deposit_cents" >= 0),
	CONSTRAINT "items_fee_amount" CHECK (("items"."fee" = 'free') = ("items"."fee_cents" is null) and ("items"."fee_cents" is null or "items"."fee_cents" > 0)),
	CONSTRAINT "items_postcode_format" CHECK ("items"."pickup_postcode" ~ '^[0-9]{5}$'),
	CONSTRAINT "items_loan_length" CHECK ("items"."min_loan_days" >= 1 and ("items"."max_loan_days" is null or "items"."max_loan_days" >= "items"."min_loan_days")),
	CONSTRAINT "items_notice_not_negative" CHECK ("items"."min_notice_days" >= 0),
	CONSTRAINT "items_coordinates_together" CHECK (("items"."latitude" is null) = ("items"."longitude" is null))
);
--> statement-breakpoint
CREATE TABLE "need_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"message" text NOT NULL,
	"item_id" uuid,
	"service_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_responses_message_not_blank" CHECK (length(trim("need_responses"."message")) > 0),
	CONSTRAINT "need_responses_one_listing" CHECK (num_nonnulls("need_responses"."item_id", "need_responses"."service_id") <= 1)
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "need_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" text,
	"service_domain" "service_domain",
	"needed_from" date,
	"needed_until" date,
	"territory_code" text,
	"visibility" "listing_visibility" DEFAULT 'networks' NOT NULL,
	"status" "need_status" DEFAULT 'open' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(title)), 'A') || setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(description)), 'B')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fulfilled_at" timestamp with time zone,
	CONSTRAINT "needs_title_not_blank" CHECK (length(trim("needs"."title")) > 0),
	CONSTRAINT "needs_dates_ordered" CHECK ("needs"."needed_until" is null or "needs"."needed_from" is null or "needs"."needed_until" >= "needs"."needed_from"),
	CONSTRAINT "needs_category_for_items" CHECK ("needs"."kind" = 'item' or "needs"."category_id" is null),
	CONSTRAINT "needs_domain_for_services" CHECK ("needs"."kind" = 'service' or "needs"."service_domain" is null),
	CONSTRAINT "needs_fulfilled_when" CHECK (("needs"."status" = 'fulfilled') = ("needs"."fulfilled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "listing_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid,
	"service_id" uuid,
	"storage_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt_text" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_photos_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "listing_photos_one_owner" CHECK (num_nonnulls("listing_photos"."item_id", "listing_photos"."service_id") = 1),
	CONSTRAINT "listing_photos_size" CHECK ("listing_photos"."width" > 0 and "listing_photos"."height" > 0)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"domain" "service_domain" NOT NULL,
	"format" "service_format" DEFAULT 'both' NOT NULL,
	"duration_minutes" integer,
	"provider_name" text DEFAULT '' NOT NULL,
	"participation" "service_participation" DEFAULT 'free' NOT NULL,
	"price_cents" integer,
	"city" text NOT NULL,
	"postcode" text NOT NULL,
	"territory_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"visibility" "listing_visibility" DEFAULT 'networks' NOT NULL,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(title)), 'A') || setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(description)), 'B')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_title_not_blank" CHECK (length(trim("services"."title")) > 0),
	CONSTRAINT "services_duration_positive" CHECK ("services"."duration_minutes" is null or "services"."duration_minutes" > 0),
	CONSTRAINT "services_price" CHECK (("services"."participation" = 'price') = ("services"."price_cents" is not null) and ("services"."price_cents" is null or "services"."price_cents" > 0)),
	CONSTRAINT "services_postcode_format" CHECK ("services"."postcode" ~ '^[0-9]{5}$'),
	CONSTRAINT "services_coordinates_together" CHECK (("services"."latitude" is null) = ("services"."longitude" is null))
);
--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "requires_listing_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responses" ADD CONSTRAINT "need_responses_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responses" ADD CONSTRAINT "need_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responses" ADD CONSTRAINT "need_responses_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responses" ADD CONSTRAINT "need_responses_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_responses" ADD CONSTRAINT "need_responses_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "items_organisation_idx" ON "items" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "items_published_recent_idx" ON "items" USING btree ("created_at","id") WHERE "items"."status" = 'published';--> statement-breakpoint
CREATE INDEX "items_category_idx" ON "items" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "items_territory_idx" ON "items" USING btree ("territory_code");--> statement-breakpoint
CREATE INDEX "items_location_idx" ON "items" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "items_search_idx" ON "items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "need_responses_need_idx" ON "need_responses" USING btree ("need_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_organisation_idx" ON "needs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "needs_open_recent_idx" ON "needs" USING btree ("created_at","id") WHERE "needs"."status" = 'open';--> statement-breakpoint
CREATE INDEX "needs_search_idx" ON "needs" USING gin ("search");--> statement-breakpoint
CREATE INDEX "listing_photos_item_idx" ON "listing_photos" USING btree ("item_id","position");--> statement-breakpoint
CREATE INDEX "listing_photos_service_idx" ON "listing_photos" USING btree ("service_id","position");--> statement-breakpoint
CREATE INDEX "services_organisation_idx" ON "services" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "services_published_recent_idx" ON "services" USING btree ("created_at","id") WHERE "services"."status" = 'published';--> statement-breakpoint
CREATE INDEX "services_domain_idx" ON "services" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "services_territory_idx" ON "services" USING btree ("territory_code");--> statement-breakpoint
CREATE INDEX "services_location_idx" ON "services" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("search");