-- CreateIndex
CREATE INDEX "denial_category_opened_idx" ON "denial"("category", "openedAt");