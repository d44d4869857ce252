ALTER TABLE "booking_groups" DROP CONSTRAINT "booking_groups_borrower_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "booking_messages" DROP CONSTRAINT "booking_messages_author_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_group_id_booking_groups_id_fk";
--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_lender_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_borrower_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "booking_groups" ADD CONSTRAINT "booking_groups_borrower_organisation_id_organisations_id_fk" FOREIGN KEY ("borrower_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_messages" ADD CONSTRAINT "booking_messages_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_group_id_booking_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."booking_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_lender_organisation_id_organisations_id_fk" FOREIGN KEY ("lender_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_borrower_organisation_id_organisations_id_fk" FOREIGN KEY ("borrower_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;