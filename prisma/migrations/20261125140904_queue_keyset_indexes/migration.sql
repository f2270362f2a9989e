-- DropIndex
DROP INDEX "denial_deadlineDate_idx";

-- DropIndex
DROP INDEX "denial_ownerId_status_score_id_idx";

-- DropIndex
DROP INDEX "denial_status_score_id_idx";

-- DropIndex
DROP INDEX "denial_teamId_status_score_id_idx";

-- AlterTable
ALTER TABLE "payer" ADD COLUMN     "timelyFilingMonths" INTEGER,
ALTER COLUMN "timelyFilingDays" DROP NOT NULL,
ALTER COLUMN "timelyFilingDays" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "denial_open_score_idx" ON "denial"("score" DESC, "id" DESC) WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));

-- CreateIndex
CREATE INDEX "denial_open_owner_score_idx" ON "denial"("ownerId", "score" DESC, "id" DESC) WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));

-- CreateIndex
CREATE INDEX "denial_open_team_score_idx" ON "denial"("teamId", "score" DESC, "id" DESC) WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));

-- CreateIndex
CREATE INDEX "denial_open_deadline_idx" ON "denial"("deadlineDate", "id") WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));

-- CreateIndex
CREATE INDEX "denial_open_amount_idx" ON "denial"("deniedCents" DESC, "id" DESC) WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));

-- CreateIndex
CREATE INDEX "denial_open_age_idx" ON "denial"("openedAt", "id") WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));

-- CreateIndex
CREATE INDEX "denial_patientControlNumber_idx" ON "denial"("patientControlNumber");

-- CreateIndex
CREATE INDEX "denial_payerClaimNumber_idx" ON "denial"("payerClaimNumber");

-- CreateIndex
CREATE INDEX "denial_carcCodes_idx" ON "denial" USING GIN ("carcCodes");

-- CreateIndex
CREATE INDEX "denial_rarcCodes_idx" ON "denial" USING GIN ("rarcCodes");
