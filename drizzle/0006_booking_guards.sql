-- The invariants of bookings that drizzle-kit cannot express: nothing over-committed, ever.

-- 1. A unit of an item is held by one loan at a time: two holds of the same unit never overlap.
--    Holds run from the first day to the day after the last day plus the item's buffer, `[)`.
ALTER TABLE "booking_units" ADD CONSTRAINT "booking_units_no_overlap"
  EXCLUDE USING gist ("item_id" WITH =, "unit_number" WITH =, daterange("held_from", "held_until", '[)') WITH &&);
--> statement-breakpoint

-- 2. Units are numbered within the item's quantity, and only a loan that was accepted and not
--    called off holds any (a returned one keeps its rest days, see 4). Reading the item FOR SHARE
--    makes a concurrent change of its quantity wait for us.
CREATE FUNCTION booking_unit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  item_quantity integer;
  loan_status booking_status;
BEGIN
  SELECT quantity INTO item_quantity FROM items WHERE id = NEW.item_id FOR SHARE;
  IF NEW.unit_number > item_quantity THEN
    RAISE EXCEPTION 'unit % of item % exceeds its quantity %', NEW.unit_number, NEW.item_id, item_quantity
      USING ERRCODE = '23514', CONSTRAINT = 'booking_units_within_quantity';
  END IF;
  SELECT b.status INTO loan_status FROM booking_lines l JOIN bookings b ON b.id = l.booking_id
    WHERE l.id = NEW.line_id AND l.item_id = NEW.item_id;
  IF loan_status IS NULL OR loan_status NOT IN ('accepted', 'picked_up', 'returned', 'closed') THEN
    RAISE EXCEPTION 'line % does not hold units (status %)', NEW.line_id, loan_status
      USING ERRCODE = '23514', CONSTRAINT = 'booking_units_held_by_loan';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "booking_units_guard" BEFORE INSERT OR UPDATE ON "booking_units"
  FOR EACH ROW EXECUTE FUNCTION booking_unit_guard();
--> statement-breakpoint

-- 3. An item's quantity cannot drop below a unit that a current or future loan holds.
CREATE FUNCTION item_quantity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.quantity < OLD.quantity AND EXISTS (
    SELECT 1 FROM booking_units u
    WHERE u.item_id = NEW.id AND u.unit_number > NEW.quantity AND u.held_until > (now() AT TIME ZONE 'Europe/Paris')::date
  ) THEN
    RAISE EXCEPTION 'item % has loans holding units above %', NEW.id, NEW.quantity
      USING ERRCODE = '23514', CONSTRAINT = 'items_quantity_in_use';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "items_quantity_guard" BEFORE UPDATE OF "quantity" ON "items"
  FOR EACH ROW EXECUTE FUNCTION item_quantity_guard();
--> statement-breakpoint

-- 4. A loan called off (cancelled) releases its units, whoever changed it. A loan brought back
--    keeps them until the day after its return plus the buffer (the days between two loans),
--    never longer than planned: returned early, the item is free again sooner.
CREATE FUNCTION booking_release_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Europe/Paris')::date;
BEGIN
  IF NEW.status = 'returned' THEN
    DELETE FROM booking_units u USING booking_lines l, items i
      WHERE l.booking_id = NEW.id AND u.line_id = l.id AND i.id = l.item_id AND today + 1 + i.buffer_days <= u.held_from;
    UPDATE booking_units u SET held_until = today + 1 + i.buffer_days FROM booking_lines l, items i
      WHERE l.booking_id = NEW.id AND u.line_id = l.id AND i.id = l.item_id AND today + 1 + i.buffer_days < u.held_until;
  ELSE
    DELETE FROM booking_units u USING booking_lines l WHERE l.booking_id = NEW.id AND u.line_id = l.id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "bookings_release_units" AFTER UPDATE OF "status" ON "bookings"
  FOR EACH ROW WHEN (OLD.status IN ('accepted', 'picked_up') AND NEW.status NOT IN ('accepted', 'picked_up'))
  EXECUTE FUNCTION booking_release_units();
--> statement-breakpoint

-- 5. A service is given once per time slot: two accepted requests never overlap.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_no_overlap"
  EXCLUDE USING gist ("service_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("kind" = 'service' AND "status" IN ('accepted', 'done'));
