-- French full-text search, accent- and case-insensitive and stemmed: « velo » finds « Vélo cargo ».
-- A text search configuration that unaccents each word before the French Snowball stemmer.
CREATE TEXT SEARCH CONFIGURATION mutua_french (COPY = french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION mutua_french
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
--> statement-breakpoint
-- The Snowball stemmer keeps some plurals apart from their singular (« vélos » → velos, « vélo » → velo).
-- Folding a final s or x of words of four letters or more, on documents and queries alike, brings them together.
CREATE FUNCTION mutua_search_text(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(coalesce(input, ''), '([^[:space:][:punct:]]{3,})[sSxX]([[:space:][:punct:]]|$)', '\1\2', 'g');
