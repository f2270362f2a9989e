-- DropIndex
DROP INDEX "denial_followUpDate_idx";

-- CreateIndex
CREATE INDEX "denial_open_owner_follow_up_idx" ON "denial"("ownerId", "followUpDate") WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));

-- CreateIndex
CREATE INDEX "denial_open_follow_up_idx" ON "denial"("followUpDate") WHERE (status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));
