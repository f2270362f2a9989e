-- A payer's own name for an appeal level ("Provider dispute", "Second-level review"), shown on screens and in
-- letters; NULL keeps the default name for the payer's type.
ALTER TABLE "payer_deadline_rule" ADD COLUMN "name" TEXT;
