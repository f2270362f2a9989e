-- AlterTable
ALTER TABLE "denial" ADD COLUMN     "location" TEXT,
ADD COLUMN     "provider" TEXT;

-- CreateIndex
CREATE INDEX "claim_created_idx" ON "claim"("createdAt");

-- CreateIndex
CREATE INDEX "denial_opened_idx" ON "denial"("openedAt");

-- CreateIndex
CREATE INDEX "denial_resolved_idx" ON "denial"("resolvedAt");

-- CreateIndex
CREATE INDEX "denial_location_idx" ON "denial"("location");

-- CreateIndex
CREATE INDEX "denial_provider_idx" ON "denial"("provider");

-- The claim's place on its denial: every writer of denials (the import's COPY, the seeds, tests) gets it without
-- knowing, and it cannot disagree with the claim. Claims are written before their denials (remit-tables.ts).
CREATE FUNCTION denial_claim_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."location" IS NULL OR NEW."provider" IS NULL THEN
    SELECT COALESCE(NEW."location", NULLIF(c."payeeName", ''), NULLIF(c."payeeNpi", '')),
           COALESCE(NEW."provider", NULLIF(c."renderingProviderName", ''), NULLIF(c."renderingProviderNpi", ''))
      INTO NEW."location", NEW."provider"
      FROM claim c WHERE c.id = NEW."claimId";
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER denial_claim_place BEFORE INSERT ON denial FOR EACH ROW EXECUTE FUNCTION denial_claim_place();

UPDATE denial d
   SET "location" = COALESCE(NULLIF(c."payeeName", ''), NULLIF(c."payeeNpi", '')),
       "provider" = COALESCE(NULLIF(c."renderingProviderName", ''), NULLIF(c."renderingProviderNpi", ''))
  FROM claim c
 WHERE c.id = d."claimId";
