-- Attachments and appeal packets (issue 13, docs/decisions/0021-attachments.md).
-- Files stay in PostgreSQL (every app instance sees them, backups include them), named by their SHA-256; the
-- filename is a label only. What a file is (kind) is a domain vocabulary checked by the operation
-- (lib/domain/appeals/attachment-kinds.ts): Prisma 7.10's schema describer panics on CHECK constraints.
-- Rows filed before kinds existed are "other"; new rows must name theirs (no default).
ALTER TABLE "attachment" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'other';
ALTER TABLE "attachment" ALTER COLUMN "kind" DROP DEFAULT;

-- Removal hides a file from the denial and from new packets, keeping the row: a packet that went to a payer is
-- named by its hash and must stay reproducible, and the audit trail keeps pointing at a row that exists.
ALTER TABLE "attachment" ADD COLUMN "removedAt" TIMESTAMPTZ(3);
ALTER TABLE "attachment" ADD COLUMN "removedById" UUID;

-- The uploader was recorded without a foreign key; a departed user's files keep their rows (SET NULL).
UPDATE "attachment" SET "uploadedById" = NULL WHERE "uploadedById" IS NOT NULL AND "uploadedById" NOT IN (SELECT "id" FROM "app_user");
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The packet last built for an appeal: its hash, pages, when and by whom (its cover sheet prints both), and which
-- attachments it holds in order — enough to build the same bytes again for a download, and so a file that went to
-- the payer in a submitted appeal's packet cannot be removed.
ALTER TABLE "appeal" ADD COLUMN "packetSha256" TEXT;
ALTER TABLE "appeal" ADD COLUMN "packetBuiltAt" TIMESTAMPTZ(3);
ALTER TABLE "appeal" ADD COLUMN "packetPageCount" INTEGER;
ALTER TABLE "appeal" ADD COLUMN "packetAttachmentIds" UUID[];
ALTER TABLE "appeal" ADD COLUMN "packetBuiltById" UUID;
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_packetBuiltById_fkey" FOREIGN KEY ("packetBuiltById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
