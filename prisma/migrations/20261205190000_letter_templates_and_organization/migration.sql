-- Issue 13: the organisation's letterhead (one row) and versioned appeal-letter templates
-- (docs/decisions/0019-letter-templates.md); the payer's appeals address for {{payer.appeals_address}}.
-- AlterTable
ALTER TABLE "payer" ADD COLUMN     "appealsAddress" TEXT;

-- CreateTable
CREATE TABLE "organization" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "addressLines" TEXT[],
    "npi" TEXT NOT NULL,
    "tin" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letter_template" (
    "id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letter_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letter_template_version" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letter_template_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "letter_template_category_idx" ON "letter_template"("category");

-- CreateIndex
CREATE UNIQUE INDEX "letter_template_version_templateId_version_key" ON "letter_template_version"("templateId", "version");

-- AddForeignKey
ALTER TABLE "letter_template_version" ADD CONSTRAINT "letter_template_version_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "letter_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_template_version" ADD CONSTRAINT "letter_template_version_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- A template version is what a letter says it came from: once written, its text never changes.
CREATE OR REPLACE FUNCTION letter_template_version_refuse_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'letter_template_version rows are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER letter_template_version_no_update
  BEFORE UPDATE ON "letter_template_version"
  FOR EACH ROW EXECUTE FUNCTION letter_template_version_refuse_update();

-- One organisation per installation: its row is id 1. A trigger, not a CHECK constraint: Prisma's wasm schema
-- engine panics diffing a CHECK (tests/integration/foundation/schema-drift.test.ts).
CREATE OR REPLACE FUNCTION organization_single_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id <> 1 THEN
    RAISE EXCEPTION 'organization holds one row, id 1: id % refused', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER organization_single_row
  BEFORE INSERT OR UPDATE ON "organization"
  FOR EACH ROW EXECUTE FUNCTION organization_single_row();
