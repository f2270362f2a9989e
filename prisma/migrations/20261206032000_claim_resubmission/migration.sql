-- Corrected claims (issue 13): each time a denial's claim goes back to the payer corrected — a replacement
-- (frequency 7), a new claim (1) or a void (8) — with the date sent, the original claim's payer number (REF*F8)
-- for a 7 or an 8, the new claim's number, the checklist items ticked (ids from
-- lib/domain/appeals/corrected-claim.ts) and when to check the payer processed it. The frequency code and the
-- other rules are checked by lib/server/denials/mark-resubmitted.ts: Prisma 7.10's schema describer panics on
-- CHECK constraints, which would blind the schema-drift test.
CREATE TABLE "claim_resubmission" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "frequencyCode" TEXT NOT NULL,
    "sentOn" DATE NOT NULL,
    "payerClaimNumber" TEXT,
    "newClaimNumber" TEXT,
    "note" TEXT,
    "followUpOn" DATE NOT NULL,
    "checklist" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_resubmission_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "claim_resubmission_denialId_idx" ON "claim_resubmission"("denialId");

ALTER TABLE "claim_resubmission" ADD CONSTRAINT "claim_resubmission_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_resubmission" ADD CONSTRAINT "claim_resubmission_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Days after a corrected claim is sent to check the payer processed it; null = 30 (DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS).
ALTER TABLE "payer" ADD COLUMN "resubmissionFollowUpDays" INTEGER;
