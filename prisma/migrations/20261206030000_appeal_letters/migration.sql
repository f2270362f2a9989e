-- Issue 13: appeal letters (docs/decisions/0020-appeal-letters.md). The signer's title for {{signer.title}}, and
-- one current letter per appeal: the editable draft, with the template version it was merged from.
-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "title" TEXT;

-- CreateTable
CREATE TABLE "appeal_letter" (
    "id" UUID NOT NULL,
    "appealId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "templateVersionId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appeal_letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "appeal_letter_appealId_key" ON "appeal_letter"("appealId");

-- CreateIndex
CREATE INDEX "appeal_letter_templateId_idx" ON "appeal_letter"("templateId");

-- CreateIndex
CREATE INDEX "appeal_letter_templateVersionId_idx" ON "appeal_letter"("templateVersionId");

-- AddForeignKey
ALTER TABLE "appeal_letter" ADD CONSTRAINT "appeal_letter_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "appeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal_letter" ADD CONSTRAINT "appeal_letter_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "letter_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal_letter" ADD CONSTRAINT "appeal_letter_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "letter_template_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal_letter" ADD CONSTRAINT "appeal_letter_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal_letter" ADD CONSTRAINT "appeal_letter_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
