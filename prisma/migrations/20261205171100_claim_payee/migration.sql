-- Payers that send one payee per claim (N1*PE repeated between claims, issue 12): each claim keeps the payee
-- named last before it. Earlier claims keep NULL and are read with their transaction's payee.
ALTER TABLE "claim" ADD COLUMN "payeeName" TEXT, ADD COLUMN "payeeNpi" TEXT;
