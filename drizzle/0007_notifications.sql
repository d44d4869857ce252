CREATE TYPE "public"."notification_channel" AS ENUM('in_app', 'email');--> statement-breakpoint
CREATE TYPE "public"."email_mode" AS ENUM('immediate', 'digest', 'off');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('queued', 'sending', 'sent', 'retrying', 'failed', 'held', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('verify_email', 'reset_password', 'change_email', 'invitation', 'booking_action');--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"organisation_id" uuid,
	"booking_id" uuid,
	"user_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurrence_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_occurrence_key" UNIQUE("occurrence_key"),
	CONSTRAINT "events_type_format" CHECK ("events"."type" ~ '^[a-z_]+\.[a-z_]+$')
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" "email_mode" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"recipient_id" uuid,
	"to_address" text,
	"channel" "notification_channel" NOT NULL,
	"kind" text NOT NULL,
	"locale" "locale" NOT NULL,
	"dedup_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"status" "email_status",
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"message_id" text,
	"subject" text,
	"text_body" text,
	"html_body" text,
	"calendar" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_dedup_key" UNIQUE("dedup_key"),
	CONSTRAINT "notifications_someone" CHECK ("notifications"."recipient_id" is not null or "notifications"."to_address" is not null),
	CONSTRAINT "notifications_channel_fields" CHECK (case "notifications"."channel" when 'email' then "notifications"."status" is not null and "notifications"."to_address" is not null else "notifications"."status" is null and "notifications"."recipient_id" is not null end),
	CONSTRAINT "notifications_sent_when" CHECK (("notifications"."status" = 'sent') = ("notifications"."sent_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "single_use_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"user_id" uuid,
	"email" text,
	"organisation_id" uuid,
	"role" "membership_role",
	"booking_id" uuid,
	"action" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "single_use_tokens_expire_after_creation" CHECK ("single_use_tokens"."expires_at" > "single_use_tokens"."created_at"),
	CONSTRAINT "single_use_tokens_purpose_fields" CHECK (case "single_use_tokens"."purpose"
        when 'invitation' then "single_use_tokens"."email" is not null and "single_use_tokens"."organisation_id" is not null and "single_use_tokens"."role" is not null
        when 'change_email' then "single_use_tokens"."email" is not null and "single_use_tokens"."user_id" is not null
        when 'booking_action' then "single_use_tokens"."booking_id" is not null and "single_use_tokens"."user_id" is not null and "single_use_tokens"."action" in ('accept', 'decline')
        else "single_use_tokens"."user_id" is not null end)
);
--> statement-breakpoint
ALTER TABLE "booking_events" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "decline_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_undeliverable_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_undeliverable_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_use_tokens" ADD CONSTRAINT "single_use_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_use_tokens" ADD CONSTRAINT "single_use_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_use_tokens" ADD CONSTRAINT "single_use_tokens_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_use_tokens" ADD CONSTRAINT "single_use_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_booking_idx" ON "events" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("recipient_id","id" DESC NULLS LAST) WHERE "notifications"."channel" = 'in_app';--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."status" in ('queued', 'retrying', 'sending');--> statement-breakpoint
CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "notifications_held_idx" ON "notifications" USING btree ("recipient_id") WHERE "notifications"."status" = 'held';--> statement-breakpoint
CREATE INDEX "single_use_tokens_user_idx" ON "single_use_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decline_code" CHECK ("bookings"."decline_code" is null or ("bookings"."status" = 'declined' and "bookings"."decline_code" in ('dates_taken', 'slot_taken')));