-- Extensions the schema relies on: btree_gist for exclusion constraints (no double booking),
-- unaccent for accent-insensitive French search. PGlite loads them in db/client.ts.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
