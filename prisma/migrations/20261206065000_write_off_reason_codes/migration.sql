-- Issue 14, write-off approval inbox: a write-off names a reason code from a list (lib/domain/write-off-reasons.ts),
-- and a payer may set its own approval threshold over the global Setting. Existing write-offs had free text
-- only: they become 'other', keeping their text as its detail. The default only fills existing rows.

-- AlterTable
ALTER TABLE "payer" ADD COLUMN     "writeOffThresholdCents" BIGINT;

-- AlterTable
ALTER TABLE "write_off" ADD COLUMN     "reasonCode" TEXT NOT NULL DEFAULT 'other';
ALTER TABLE "write_off" ALTER COLUMN "reasonCode" DROP DEFAULT;
