-- A write-off its requester undid within the undo window (lib/domain/undo.ts).
ALTER TYPE "WriteOffStatus" ADD VALUE 'withdrawn';

-- Follow-ups end when a denial closes (issue 12): clear the reminders closed denials kept from before.
UPDATE "denial" SET "followUpDate" = NULL
WHERE status IN ('resolved_paid', 'resolved_partial', 'written_off') AND "followUpDate" IS NOT NULL;
