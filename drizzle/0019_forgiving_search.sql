-- Search that forgives: trigrams find a word inside a compound (« projecteur » in « Vidéoprojecteur »)
-- and a word with a letter or two wrong (« tonelle », « perseuse »). PGlite loads pg_trgm in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Lower case, no accents, plurals folded: the form titles are compared in by trigrams and whole words.
-- unaccent is only STABLE (its dictionary could change); naming the dictionary makes the result fixed,
-- which an index on the expression requires.
CREATE FUNCTION mutua_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN mutua_search_text(lower(public.unaccent('public.unaccent'::regdictionary, coalesce(input, ''))));
