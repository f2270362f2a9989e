-- The score backtest reads the most recently opened resolved denials of a period (lib/server/backtest/load-history.ts):
-- without this partial index PostgreSQL sorted every resolved row of the period (≈1.9 s at 600,000; decision 0030).
-- CreateIndex
CREATE INDEX "denial_resolved_opened_idx" ON "denial"("openedAt" DESC, "id" DESC) WHERE (status = ANY (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"]));
