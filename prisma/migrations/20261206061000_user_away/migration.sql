-- Out of office (issue 14): a specialist away from/until (inclusive) with a named cover who works their due
-- follow-ups. Columns on app_user rather than a table: one absence at a time (current or planned) is what the
-- page offers, the queue reads it with one join, and the history of absences lives in the audit trail.
-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "awayCoverId" UUID,
ADD COLUMN     "awayFrom" DATE,
ADD COLUMN     "awayUntil" DATE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_awayCoverId_fkey" FOREIGN KEY ("awayCoverId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;