-- The team board counts person-written timeline events per author over a day or a week, and the denials nobody
-- touched in 14 days: a time-range read of denial_event from this index alone, whatever the table's size.
-- CreateIndex
CREATE INDEX "denial_event_worked_idx" ON "denial_event"("createdAt", "actorId", "denialId");