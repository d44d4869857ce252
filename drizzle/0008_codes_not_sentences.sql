-- Sentences the server used to write become codes the reader's language phrases; what a person
-- typed stays. Accounts that exist before email verification arrived count as verified.
UPDATE "bookings" SET "decline_code" = 'dates_taken', "answer" = NULL
  WHERE "status" = 'declined' AND "answer" = 'Plus disponible à ces dates : une autre demande vient d’être acceptée.';--> statement-breakpoint
UPDATE "bookings" SET "decline_code" = 'slot_taken', "answer" = NULL
  WHERE "status" = 'declined' AND "answer" = 'Ce créneau n’est plus libre : une autre demande vient d’être acceptée.';--> statement-breakpoint
UPDATE "booking_events" SET "reason_code" = 'dates_taken', "note" = NULL
  WHERE "note" = 'Plus disponible à ces dates : une autre demande vient d’être acceptée.';--> statement-breakpoint
UPDATE "booking_events" SET "reason_code" = 'slot_taken', "note" = NULL
  WHERE "note" = 'Ce créneau n’est plus libre : une autre demande vient d’être acceptée.';--> statement-breakpoint
UPDATE "booking_events" SET "reason_code" = 'no_answer', "note" = NULL
  WHERE "action" = 'expire' AND "note" = 'Sans réponse dans le délai.';--> statement-breakpoint
UPDATE "users" SET "email_verified_at" = "created_at" WHERE "email_verified_at" IS NULL;
