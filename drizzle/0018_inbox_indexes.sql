CREATE INDEX "bookings_requested_by_idx" ON "bookings" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "bookings_out_idx" ON "bookings" USING btree ("end_date") WHERE "bookings"."status" in ('accepted', 'picked_up');--> statement-breakpoint
CREATE INDEX "items_pending_review_idx" ON "items" USING btree ("updated_at") WHERE "items"."status" = 'pending_review';--> statement-breakpoint
CREATE INDEX "notifications_failed_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "services_pending_review_idx" ON "services" USING btree ("updated_at") WHERE "services"."status" = 'pending_review';