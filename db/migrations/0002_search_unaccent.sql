-- Full-text search ignores accents ("specification" finds "spécifications"). unaccent() is only STABLE, so a
-- generated column needs an IMMUTABLE wrapper that names its dictionary explicitly.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION passerelle_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
