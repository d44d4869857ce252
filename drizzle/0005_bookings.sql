CREATE TYPE "public"."blocked_reason" AS ENUM('closed', 'repair', 'internal_use');--> statement-breakpoint
CREATE TYPE "public"."booking_action" AS ENUM('request', 'accept', 'decline', 'cancel', 'expire', 'pickup', 'return', 'done', 'close');--> statement-breakpoint
CREATE TYPE "public"."booking_kind" AS ENUM('item', 'service');--> statement-breakpoint
CREATE TYPE "public"."booking_party" AS ENUM('lender', 'borrower', 'system');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('requested', 'accepted', 'declined', 'cancelled', 'expired', 'picked_up', 'returned', 'done', 'closed');--> statement-breakpoint
CREATE TYPE "public"."return_condition" AS ENUM('as_lent', 'worn', 'damaged', 'incomplete');--> statement-breakpoint
CREATE TABLE "item_blocked_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" "blocked_reason" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_blocked_periods_order" CHECK ("item_blocked_periods"."end_date" >= "item_blocked_periods"."start_date")
);
--> statement-breakpoint
CREATE TABLE "service_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	CONSTRAINT "service_slots_weekday" CHECK ("service_slots"."weekday" between 1 and 7),
	CONSTRAINT "service_slots_order" CHECK ("service_slots"."ends_at" > "service_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "booking_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"action" "booking_action" NOT NULL,
	"from_status" "booking_status",
	"to_status" "booking_status" NOT NULL,
	"party" "booking_party" NOT NULL,
	"actor_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"borrower_organisation_id" uuid NOT NULL,
	"requested_by" uuid,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"lender_organisation_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "booking_lines_item_once" UNIQUE("booking_id","item_id"),
	CONSTRAINT "booking_lines_quantity" CHECK ("booking_lines"."quantity" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "booking_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"author_id" uuid,
	"author_organisation_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_messages_body" CHECK (length(trim("booking_messages"."body")) between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "booking_units" (
	"line_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_number" integer NOT NULL,
	"held_from" date NOT NULL,
	"held_until" date NOT NULL,
	CONSTRAINT "booking_units_pkey" PRIMARY KEY("line_id","unit_number"),
	CONSTRAINT "booking_units_unit_number" CHECK ("booking_units"."unit_number" >= 1),
	CONSTRAINT "booking_units_order" CHECK ("booking_units"."held_until" > "booking_units"."held_from")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid,
	"kind" "booking_kind" NOT NULL,
	"service_id" uuid,
	"lender_organisation_id" uuid NOT NULL,
	"borrower_organisation_id" uuid NOT NULL,
	"requested_by" uuid,
	"status" "booking_status" DEFAULT 'requested' NOT NULL,
	"start_date" date,
	"end_date" date,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"message" text DEFAULT '' NOT NULL,
	"answer" text,
	"cancel_reason" text,
	"return_condition" "return_condition",
	"incident_note" text,
	"feedback" text,
	"expires_at" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_id_lender_key" UNIQUE("id","lender_organisation_id"),
	CONSTRAINT "bookings_two_parties" CHECK ("bookings"."lender_organisation_id" <> "bookings"."borrower_organisation_id"),
	CONSTRAINT "bookings_kind_fields" CHECK (case "bookings"."kind"
        when 'item' then "bookings"."start_date" is not null and "bookings"."end_date" >= "bookings"."start_date" and "bookings"."service_id" is null and "bookings"."starts_at" is null and "bookings"."ends_at" is null
        else "bookings"."service_id" is not null and "bookings"."ends_at" > "bookings"."starts_at" and "bookings"."start_date" is null and "bookings"."end_date" is null end),
	CONSTRAINT "bookings_kind_statuses" CHECK (("bookings"."kind" = 'item' and "bookings"."status" <> 'done') or ("bookings"."kind" = 'service' and "bookings"."status" not in ('picked_up', 'returned')))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_key" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "item_blocked_periods" ADD CONSTRAINT "item_blocked_periods_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_blocked_periods" ADD CONSTRAINT "item_blocked_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_slots" ADD CONSTRAINT "service_slots_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_groups" ADD CONSTRAINT "booking_groups_borrower_organisation_id_organisations_id_fk" FOREIGN KEY ("borrower_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_groups" ADD CONSTRAINT "booking_groups_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_lines" ADD CONSTRAINT "booking_lines_booking_fk" FOREIGN KEY ("booking_id","lender_organisation_id") REFERENCES "public"."bookings"("id","lender_organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_lines" ADD CONSTRAINT "booking_lines_item_fk" FOREIGN KEY ("item_id","lender_organisation_id") REFERENCES "public"."items"("id","organisation_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_messages" ADD CONSTRAINT "booking_messages_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_messages" ADD CONSTRAINT "booking_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_messages" ADD CONSTRAINT "booking_messages_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_units" ADD CONSTRAINT "booking_units_line_id_booking_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."booking_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_units" ADD CONSTRAINT "booking_units_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_group_id_booking_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."booking_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_lender_organisation_id_organisations_id_fk" FOREIGN KEY ("lender_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_borrower_organisation_id_organisations_id_fk" FOREIGN KEY ("borrower_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_blocked_periods_item_idx" ON "item_blocked_periods" USING btree ("item_id","start_date");--> statement-breakpoint
CREATE INDEX "service_slots_service_idx" ON "service_slots" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "booking_events_booking_idx" ON "booking_events" USING btree ("booking_id","id");--> statement-breakpoint
CREATE INDEX "booking_lines_item_idx" ON "booking_lines" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "booking_messages_booking_idx" ON "booking_messages" USING btree ("booking_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_lender_idx" ON "bookings" USING btree ("lender_organisation_id","status","start_date");--> statement-breakpoint
CREATE INDEX "bookings_borrower_idx" ON "bookings" USING btree ("borrower_organisation_id","status","start_date");--> statement-breakpoint
CREATE INDEX "bookings_group_idx" ON "bookings" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "bookings_service_idx" ON "bookings" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "bookings_expiring_idx" ON "bookings" USING btree ("expires_at") WHERE "bookings"."status" = 'requested';