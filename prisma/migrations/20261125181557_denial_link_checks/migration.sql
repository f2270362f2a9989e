-- DropForeignKey
ALTER TABLE "denial" DROP CONSTRAINT "denial_claimId_fkey";

-- DropForeignKey
ALTER TABLE "denial" DROP CONSTRAINT "denial_payerId_fkey";

-- DropForeignKey
ALTER TABLE "denial_event" DROP CONSTRAINT "denial_event_denialId_fkey";

-- Written by hand below (the diff above only drops the constraints): what replaces them, the same way as
-- docs/decisions/0003 did for the remittance facts. An import writes a denial and its "ingested" event for each
-- denied claim (~166k each per 100 MB); a row-level foreign key costs a query and a FOR KEY SHARE lock per row
-- (which rewrites the parent's heap page and logs it): 2.3 of the 14 s of a bare COPY of the 100 MB file's rows.
-- Measurements and reasoning: docs/decisions/0004-denial-link-checks.md. owner, team and actor keep their
-- foreign keys: people change those columns, and a null one costs the import nothing.

-- A denial's (claimId, payerId) is its claim's: one probe proves the claim exists and that the denial names the
-- claim's payer, which exists (claim → remittance → payer, kept by 0003's checks and a real foreign key).
-- Stricter than the old keys, which let a denial name another payer than its claim's.
CREATE FUNCTION denial_parents_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  EXECUTE format($q$
    SELECT n."claimId" || ', ' || n."payerId" FROM new_rows n
    WHERE NOT EXISTS (SELECT FROM %I.claim c WHERE c.id = n."claimId" AND c."payerId" = n."payerId")
    LIMIT 1 $q$, TG_TABLE_SCHEMA) INTO missing;
  IF missing IS NOT NULL THEN
    PERFORM remit_fact_orphan(TG_TABLE_NAME, TG_NAME, '"claimId", "payerId"', missing, 'claim');
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION denial_event_parents_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  EXECUTE format($q$
    SELECT n."denialId"::text FROM (SELECT DISTINCT "denialId" FROM new_rows) n
    WHERE NOT EXISTS (SELECT FROM %I.denial d WHERE d.id = n."denialId")
    LIMIT 1 $q$, TG_TABLE_SCHEMA) INTO missing;
  IF missing IS NOT NULL THEN
    PERFORM remit_fact_orphan(TG_TABLE_NAME, TG_NAME, '"denialId"', missing, 'denial');
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER denial_parents_exist AFTER INSERT ON "denial" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION denial_parents_exist();
CREATE TRIGGER denial_event_parents_exist AFTER INSERT ON "denial_event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION denial_event_parents_exist();

-- The guards. A denial is never deleted: it ends resolved or written off, and its timeline, appeals and
-- recoveries are the record of that. Its claim and payer, and an event's denial, never change.
CREATE FUNCTION denial_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on "%" refused: denials are never removed (they end resolved or written off) and their links never change', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, HINT = 'See docs/decisions/0004-denial-link-checks.md.';
END;
$$;

CREATE TRIGGER denial_never_deleted BEFORE DELETE ON "denial"
  FOR EACH ROW EXECUTE FUNCTION denial_refuse_change();
CREATE TRIGGER denial_never_truncated BEFORE TRUNCATE ON "denial"
  FOR EACH STATEMENT EXECUTE FUNCTION denial_refuse_change();
CREATE TRIGGER denial_links_fixed BEFORE UPDATE ON "denial"
  FOR EACH ROW WHEN (OLD.id <> NEW.id OR OLD."claimId" <> NEW."claimId" OR OLD."payerId" <> NEW."payerId")
  EXECUTE FUNCTION denial_refuse_change();
CREATE TRIGGER denial_event_links_fixed BEFORE UPDATE ON "denial_event"
  FOR EACH ROW WHEN (OLD."denialId" <> NEW."denialId") EXECUTE FUNCTION denial_refuse_change();
