-- Appeals level by level (issue 13): each appeal is a draft until it is submitted (method, date, the payer's
-- reference, when to check its status), then decided (decision, date, amount). The denial's version guards every
-- change of its appeals, so appeal rows carry no version of their own (lib/server/appeals). Methods, decisions and
-- amounts are checked by the operations (zod + lib/domain/appeals/appeal-chain.ts): Prisma 7.10's schema describer
-- panics on CHECK constraints, which would blind the schema-drift test.
ALTER TABLE "appeal" ADD COLUMN "payerReference" TEXT;
ALTER TABLE "appeal" ADD COLUMN "statusCheckOn" DATE;
ALTER TABLE "appeal" ADD COLUMN "createdById" UUID;
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "appeal" ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT now();

-- Appeals filed before this migration were recorded on submission: they were never drafts.
UPDATE "appeal" SET "statusCheckOn" = "submittedAt" + 30 WHERE "submittedAt" IS NOT NULL AND "decidedAt" IS NULL;

-- "Appeals awaiting decision": submitted, not decided, by the date their status check is due.
CREATE INDEX "appeal_statusCheckOn_idx" ON "appeal" ("statusCheckOn");

-- When to ask the payer about a submitted appeal, in days; null = the default for the payer's type.
ALTER TABLE "payer" ADD COLUMN "appealStatusCheckDays" INTEGER;

-- A level that needs a minimum amount in controversy (Medicare's ALJ hearing and judicial review), with the year
-- the figure applies to: the thresholds change every January.
ALTER TABLE "payer_deadline_rule" ADD COLUMN "minimumAmountCents" BIGINT;
ALTER TABLE "payer_deadline_rule" ADD COLUMN "minimumAmountYear" INTEGER;
