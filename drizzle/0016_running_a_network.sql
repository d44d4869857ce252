CREATE TYPE "public"."listing_review_policy" AS ENUM('every', 'first', 'none');--> statement-breakpoint
CREATE TABLE "loan_follow_ups" (
	"booking_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "loan_follow_ups_booking_id_network_id_reason_pk" PRIMARY KEY("booking_id","network_id","reason"),
	CONSTRAINT "loan_follow_ups_reason" CHECK ("loan_follow_ups"."reason" in ('unanswered', 'overdue', 'returned_damaged', 'party_suspended'))
);
--> statement-breakpoint
CREATE TABLE "impact_factors" (
	"network_id" uuid NOT NULL,
	"category_id" text NOT NULL,
	"kg_co2e_per_item" numeric(10, 1) NOT NULL,
	"source" text NOT NULL,
	"estimated" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "impact_factors_network_id_category_id_pk" PRIMARY KEY("network_id","category_id"),
	CONSTRAINT "impact_factors_not_negative" CHECK ("impact_factors"."kg_co2e_per_item" >= 0 and "impact_factors"."kg_co2e_per_item" < 1000000),
	CONSTRAINT "impact_factors_source_not_blank" CHECK (length(trim("impact_factors"."source")) > 0)
);
--> statement-breakpoint
CREATE TABLE "charter_readings" (
	"user_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_readings_user_id_network_id_pk" PRIMARY KEY("user_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "network_charters" (
	"network_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	CONSTRAINT "network_charters_network_id_version_pk" PRIMARY KEY("network_id","version"),
	CONSTRAINT "network_charters_version_positive" CHECK ("network_charters"."version" >= 1),
	CONSTRAINT "network_charters_body_not_blank" CHECK (length(trim("network_charters"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "network_territories" (
	"network_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	CONSTRAINT "network_territories_network_id_territory_code_pk" PRIMARY KEY("network_id","territory_code")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"network_ids" uuid[] NOT NULL,
	"reporter_id" uuid,
	"reporter_organisation_id" uuid,
	"reason_code" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"outcome" text,
	"resolution_note" text,
	CONSTRAINT "reports_target_type" CHECK ("reports"."target_type" in ('item', 'service', 'message', 'organisation')),
	CONSTRAINT "reports_reason_code" CHECK ("reports"."reason_code" in ('inappropriate', 'misleading', 'spam', 'unsafe', 'other')),
	CONSTRAINT "reports_outcome" CHECK ("reports"."outcome" is null or "reports"."outcome" in ('dismissed', 'hidden', 'suspended')),
	CONSTRAINT "reports_resolved_together" CHECK (("reports"."resolved_at" is null) = ("reports"."outcome" is null)),
	CONSTRAINT "reports_has_networks" CHECK (cardinality("reports"."network_ids") >= 1),
	CONSTRAINT "reports_text_length" CHECK (length("reports"."text") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_action";--> statement-breakpoint
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_target_type";--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_decline_code";--> statement-breakpoint
ALTER TABLE "booking_messages" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "listing_review" "listing_review_policy" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "substitution_rate_percent" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "overdue_days_before_inbox" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_networks" ADD COLUMN "charter_version" integer;--> statement-breakpoint
ALTER TABLE "organisation_networks" ADD COLUMN "charter_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation_networks" ADD COLUMN "charter_accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erase_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "loan_follow_ups" ADD CONSTRAINT "loan_follow_ups_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_follow_ups" ADD CONSTRAINT "loan_follow_ups_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_follow_ups" ADD CONSTRAINT "loan_follow_ups_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_factors" ADD CONSTRAINT "impact_factors_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_factors" ADD CONSTRAINT "impact_factors_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_factors" ADD CONSTRAINT "impact_factors_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_readings" ADD CONSTRAINT "charter_readings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_readings" ADD CONSTRAINT "charter_readings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_charters" ADD CONSTRAINT "network_charters_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_charters" ADD CONSTRAINT "network_charters_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_territories" ADD CONSTRAINT "network_territories_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_territories" ADD CONSTRAINT "network_territories_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_organisation_id_organisations_id_fk" FOREIGN KEY ("reporter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_networks_idx" ON "reports" USING gin ("network_ids");--> statement-breakpoint
CREATE INDEX "reports_open_idx" ON "reports" USING btree ("created_at") WHERE "reports"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_one_open_per_reporter" ON "reports" USING btree ("reporter_id","target_type","target_id") WHERE "reports"."resolved_at" is null;--> statement-breakpoint
ALTER TABLE "organisation_networks" ADD CONSTRAINT "organisation_networks_charter_accepted_by_users_id_fk" FOREIGN KEY ("charter_accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_networks" ADD CONSTRAINT "organisation_networks_charter_fk" FOREIGN KEY ("network_id","charter_version") REFERENCES "public"."network_charters"("network_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_erase_after_idx" ON "users" USING btree ("erase_after") WHERE "users"."erase_after" is not null;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_action" CHECK ("audit_entries"."action" in ('organisation.approved', 'organisation.rejected', 'organisation.reopened', 'organisation.changes_requested', 'organisation.suspended', 'organisation.reinstated', 'membership.accepted', 'membership.role_changed', 'membership.removed', 'network_role.granted', 'network_role.revoked', 'listing.approved', 'listing.changes_requested', 'listing.hidden', 'listing.unhidden', 'listing.archived', 'message.hidden', 'loan.followed_up', 'network.settings_changed', 'charter.published', 'category.changed', 'territory.changed', 'impact_factor.changed', 'report.resolved', 'user.suspended', 'user.reinstated', 'data.exported', 'account.erasure_scheduled', 'account.erasure_cancelled', 'account.erased'));--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_target_type" CHECK ("audit_entries"."target_type" in ('organisation', 'membership', 'network_role', 'listing', 'category', 'territory', 'impact_factor', 'report', 'user', 'network', 'booking', 'message'));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decline_code" CHECK ("bookings"."decline_code" is null or ("bookings"."status" = 'declined' and "bookings"."decline_code" in ('dates_taken', 'slot_taken', 'borrower_suspended', 'lender_suspended', 'requester_suspended')));--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_substitution_rate" CHECK ("networks"."substitution_rate_percent" between 0 and 100);--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_overdue_days" CHECK ("networks"."overdue_days_before_inbox" between 0 and 365);--> statement-breakpoint
ALTER TABLE "organisation_networks" ADD CONSTRAINT "organisation_networks_charter_together" CHECK (("organisation_networks"."charter_version" is null) = ("organisation_networks"."charter_accepted_at" is null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_suspension_reason" CHECK (("users"."suspended_at" is null) = ("users"."suspension_reason" is null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_deletion_grace" CHECK (("users"."deletion_requested_at" is null) = ("users"."erase_after" is null) and ("users"."erase_after" is null or "users"."erase_after" > "users"."deletion_requested_at"));--> statement-breakpoint
UPDATE "networks" SET "listing_review" = 'every' WHERE "requires_listing_review";