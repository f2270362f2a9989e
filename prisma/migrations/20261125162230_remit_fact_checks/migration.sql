-- DropForeignKey
ALTER TABLE "adjustment" DROP CONSTRAINT "adjustment_claimId_fkey";

-- DropForeignKey
ALTER TABLE "adjustment" DROP CONSTRAINT "adjustment_serviceLineId_fkey";

-- DropForeignKey
ALTER TABLE "claim" DROP CONSTRAINT "claim_payerId_fkey";

-- DropForeignKey
ALTER TABLE "claim" DROP CONSTRAINT "claim_remittanceId_fkey";

-- DropForeignKey
ALTER TABLE "claim_remark" DROP CONSTRAINT "claim_remark_claimId_fkey";

-- DropForeignKey
ALTER TABLE "claim_remark" DROP CONSTRAINT "claim_remark_serviceLineId_fkey";

-- DropForeignKey
ALTER TABLE "service_line" DROP CONSTRAINT "service_line_claimId_fkey";

-- Written by hand below (the diff above only drops the constraints): what replaces them. Claims, lines,
-- adjustments and remarks are remittance facts written in bulk by the import, where a row-level foreign key
-- costs a query and a parent-row lock per child row. Instead: (1) one set-based check per INSERT/COPY statement
-- that every parent exists, and (2) parents that can never be deleted or re-keyed, so a checked link stays
-- true. Measurements and reasoning: docs/decisions/0003-remit-fact-integrity.md.

-- A missing parent is reported as a foreign key would report it: SQLSTATE 23503, the same wording and fields.
CREATE FUNCTION remit_fact_orphan(child text, check_name text, cols text, key_value text, parent text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'insert on table "%" violates foreign key check "%"', child, check_name
    USING ERRCODE = 'foreign_key_violation', TABLE = child, COLUMN = cols, CONSTRAINT = check_name,
          DETAIL = format('Key (%s)=(%s) is not present in table "%s".', cols, key_value, parent);
END;
$$;

-- The checks run through EXECUTE so each statement is planned for the tables as they are now: a plan cached when
-- claim was empty (a hash join over a scan of it) would otherwise scan millions of claims per batch later.
-- DISTINCT first: one probe per parent, not per row (a claim has several adjustments).

-- A claim's remittance exists and is from the claim's payer, which therefore exists too (remittance.payerId is a
-- real foreign key, and the guards below keep both keys of a remittance fixed).
CREATE FUNCTION claim_parents_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  EXECUTE format($q$
    SELECT n."remittanceId" || ', ' || n."payerId"
    FROM (SELECT DISTINCT "remittanceId", "payerId" FROM new_rows) n
    WHERE NOT EXISTS (SELECT FROM %I.remittance r WHERE r.id = n."remittanceId" AND r."payerId" = n."payerId")
    LIMIT 1 $q$, TG_TABLE_SCHEMA) INTO missing;
  IF missing IS NOT NULL THEN
    PERFORM remit_fact_orphan(TG_TABLE_NAME, TG_NAME, '"remittanceId", "payerId"', missing, 'remittance');
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION service_line_parents_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  EXECUTE format($q$
    SELECT n."claimId"::text FROM (SELECT DISTINCT "claimId" FROM new_rows) n
    WHERE NOT EXISTS (SELECT FROM %I.claim c WHERE c.id = n."claimId")
    LIMIT 1 $q$, TG_TABLE_SCHEMA) INTO missing;
  IF missing IS NOT NULL THEN
    PERFORM remit_fact_orphan(TG_TABLE_NAME, TG_NAME, '"claimId"', missing, 'claim');
  END IF;
  RETURN NULL;
END;
$$;

-- Adjustments and remarks: a line-level row's line exists and belongs to the row's claim (one probe proves both:
-- the line's own claim was checked when the line was written); a claim-level row's claim exists.
CREATE FUNCTION claim_detail_parents_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  EXECUTE format($q$
    SELECT n."serviceLineId" || ', ' || n."claimId"
    FROM (SELECT DISTINCT "serviceLineId", "claimId" FROM new_rows WHERE "serviceLineId" IS NOT NULL) n
    WHERE NOT EXISTS (SELECT FROM %I.service_line s WHERE s.id = n."serviceLineId" AND s."claimId" = n."claimId")
    LIMIT 1 $q$, TG_TABLE_SCHEMA) INTO missing;
  IF missing IS NOT NULL THEN
    PERFORM remit_fact_orphan(TG_TABLE_NAME, TG_NAME, '"serviceLineId", "claimId"', missing, 'service_line');
  END IF;
  EXECUTE format($q$
    SELECT n."claimId"::text FROM (SELECT DISTINCT "claimId" FROM new_rows WHERE "serviceLineId" IS NULL) n
    WHERE NOT EXISTS (SELECT FROM %I.claim c WHERE c.id = n."claimId")
    LIMIT 1 $q$, TG_TABLE_SCHEMA) INTO missing;
  IF missing IS NOT NULL THEN
    PERFORM remit_fact_orphan(TG_TABLE_NAME, TG_NAME, '"claimId"', missing, 'claim');
  END IF;
  RETURN NULL;
END;
$$;

-- AFTER ... FOR EACH STATEMENT: one check per COPY or multi-row INSERT, over the rows it added (new_rows).
CREATE TRIGGER claim_parents_exist AFTER INSERT ON "claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claim_parents_exist();
CREATE TRIGGER service_line_parents_exist AFTER INSERT ON "service_line" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION service_line_parents_exist();
CREATE TRIGGER adjustment_parents_exist AFTER INSERT ON "adjustment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claim_detail_parents_exist();
CREATE TRIGGER claim_remark_parents_exist AFTER INSERT ON "claim_remark" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claim_detail_parents_exist();

-- The guards: a parent (remittance, claim, service line) is never deleted or truncated, and no row's link columns
-- ever change, so a link checked on insert stays true — the part of a foreign key the check above cannot do.
-- Other columns stay updatable (the demo seed back-dates claim."createdAt"). Row triggers for UPDATE and DELETE
-- fire only for rows actually touched, so they cost the import nothing.
CREATE FUNCTION remit_fact_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on "%" refused: remittance facts are never removed and their links never change', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, HINT = 'See docs/decisions/0003-remit-fact-integrity.md.';
END;
$$;

CREATE TRIGGER remittance_never_deleted BEFORE DELETE ON "remittance"
  FOR EACH ROW EXECUTE FUNCTION remit_fact_refuse_change();
CREATE TRIGGER remittance_never_truncated BEFORE TRUNCATE ON "remittance"
  FOR EACH STATEMENT EXECUTE FUNCTION remit_fact_refuse_change();
CREATE TRIGGER remittance_links_fixed BEFORE UPDATE ON "remittance"
  FOR EACH ROW WHEN (OLD.id <> NEW.id OR OLD."payerId" <> NEW."payerId") EXECUTE FUNCTION remit_fact_refuse_change();

CREATE TRIGGER claim_never_deleted BEFORE DELETE ON "claim"
  FOR EACH ROW EXECUTE FUNCTION remit_fact_refuse_change();
CREATE TRIGGER claim_never_truncated BEFORE TRUNCATE ON "claim"
  FOR EACH STATEMENT EXECUTE FUNCTION remit_fact_refuse_change();
CREATE TRIGGER claim_links_fixed BEFORE UPDATE ON "claim"
  FOR EACH ROW WHEN (OLD.id <> NEW.id OR OLD."remittanceId" <> NEW."remittanceId" OR OLD."payerId" <> NEW."payerId")
  EXECUTE FUNCTION remit_fact_refuse_change();

CREATE TRIGGER service_line_never_deleted BEFORE DELETE ON "service_line"
  FOR EACH ROW EXECUTE FUNCTION remit_fact_refuse_change();
CREATE TRIGGER service_line_never_truncated BEFORE TRUNCATE ON "service_line"
  FOR EACH STATEMENT EXECUTE FUNCTION remit_fact_refuse_change();
CREATE TRIGGER service_line_links_fixed BEFORE UPDATE ON "service_line"
  FOR EACH ROW WHEN (OLD.id <> NEW.id OR OLD."claimId" <> NEW."claimId") EXECUTE FUNCTION remit_fact_refuse_change();

CREATE TRIGGER adjustment_links_fixed BEFORE UPDATE ON "adjustment"
  FOR EACH ROW WHEN (OLD."claimId" <> NEW."claimId" OR OLD."serviceLineId" IS DISTINCT FROM NEW."serviceLineId")
  EXECUTE FUNCTION remit_fact_refuse_change();
CREATE TRIGGER claim_remark_links_fixed BEFORE UPDATE ON "claim_remark"
  FOR EACH ROW WHEN (OLD."claimId" <> NEW."claimId" OR OLD."serviceLineId" IS DISTINCT FROM NEW."serviceLineId")
  EXECUTE FUNCTION remit_fact_refuse_change();
