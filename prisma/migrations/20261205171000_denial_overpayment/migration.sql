-- A payer that pays more than was denied has overpaid (issue 12): the excess is owed back, not recovered, so it
-- is kept apart and recovery figures never exceed the denied dollars (lib/domain/remit-recovery.ts).
ALTER TABLE "denial" ADD COLUMN "overpaidCents" BIGINT NOT NULL DEFAULT 0;

-- Denials a remittance already paid beyond their denied amount: move the excess out of the recovery.
UPDATE "denial" SET "overpaidCents" = "recoveredCents" - "deniedCents", "recoveredCents" = "deniedCents"
WHERE "recoveredCents" > "deniedCents";
