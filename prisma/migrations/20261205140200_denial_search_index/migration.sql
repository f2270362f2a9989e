-- Finding a claim (docs/decisions/0016-queue-search-trigram.md): the queue's search box matches part of a patient
-- name, claim number or member id, ignoring case and accents, through one trigram index.
-- Both extensions are trusted (PostgreSQL 13+): the database owner that runs migrations may create them, on the
-- servers we deploy to and in the embedded PostgreSQL alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- The member id, denormalised from the claim like the patient's name, so the queue searches one table.
ALTER TABLE "denial" ADD COLUMN "memberId" TEXT;
UPDATE "denial" d SET "memberId" = c."memberId" FROM "claim" c WHERE c.id = d."claimId" AND c."memberId" IS NOT NULL;

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index by itself; this
-- wrapper names the dictionary explicitly and promises the result never changes for a given text, which holds
-- as long as nobody edits unaccent.rules (then REINDEX denial_search_idx).
CREATE FUNCTION denial_search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, '')));

-- The searchable text of a denial. Fields are joined by ' | ', a character a search term never contains
-- (lib/domain/queue-search.ts), so a match never spans two fields.
CREATE FUNCTION denial_search_text(patient_name text, patient_control_number text, payer_claim_number text, member_id text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN denial_search_fold(coalesce(patient_name, '') || ' | ' || coalesce(patient_control_number, '') || ' | '
    || coalesce(payer_claim_number, '') || ' | ' || coalesce(member_id, ''));

CREATE INDEX "denial_search_idx" ON "denial"
  USING gin (denial_search_text("patientName", "patientControlNumber", "payerClaimNumber", "memberId") gin_trgm_ops);
