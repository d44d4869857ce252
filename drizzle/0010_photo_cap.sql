-- A listing has 8 photos at most (maxPhotosPerListing in server/src/domain/photos.ts), in an
-- order without ties: the database says so, whatever the number of uploads at once.

-- 1. Photos added in a race before this migration may share a position: number them again, in
--    the order the app showed them (position, then upload time). None is removed.
UPDATE "listing_photos" AS p SET "position" = ordered.n - 1
FROM (
  SELECT "id", row_number() OVER (
    PARTITION BY "item_id", "service_id" ORDER BY "position", "created_at", "id"
  ) AS n
  FROM "listing_photos"
) AS ordered
WHERE p."id" = ordered."id" AND p."position" <> ordered.n - 1;
--> statement-breakpoint

-- 2. Each new photo locks its item or service row first, so that uploads to one listing take
--    turns: the count is then exact (each statement of a function reads what committed before it,
--    in READ COMMITTED), and the new photo goes after the last one. FOR NO KEY UPDATE, not FOR
--    UPDATE: it does not wait for the foreign-key checks of rows that point at the listing
--    (bookings, their lines), only for other photos and for edits of the listing itself.
CREATE FUNCTION listing_photos_cap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  photo_count integer;
  last_position integer;
BEGIN
  IF NEW.item_id IS NOT NULL THEN
    PERFORM 1 FROM items WHERE id = NEW.item_id FOR NO KEY UPDATE;
    SELECT count(*), max(position) INTO photo_count, last_position FROM listing_photos WHERE item_id = NEW.item_id;
  ELSE
    PERFORM 1 FROM services WHERE id = NEW.service_id FOR NO KEY UPDATE;
    SELECT count(*), max(position) INTO photo_count, last_position FROM listing_photos WHERE service_id = NEW.service_id;
  END IF;
  IF photo_count >= 8 THEN
    RAISE EXCEPTION 'listing % has % photos already, 8 at most', coalesce(NEW.item_id, NEW.service_id), photo_count
      USING ERRCODE = '23514', CONSTRAINT = 'listing_photos_cap';
  END IF;
  NEW.position := coalesce(last_position + 1, 0);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "listing_photos_cap" BEFORE INSERT ON "listing_photos"
  FOR EACH ROW EXECUTE FUNCTION listing_photos_cap();
