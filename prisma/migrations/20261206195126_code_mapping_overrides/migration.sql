-- Code-mapping admin (issue 15): the organisation's overrides over the shipped CARC/RARC classification, the history of
-- every change with its re-classification job, and the flag a denial gets when a change says it is no longer one.
-- AlterTable
ALTER TABLE "denial" ADD COLUMN     "reviewReason" TEXT;

-- CreateTable
CREATE TABLE "code_mapping_override" (
    "id" UUID NOT NULL,
    "groupCode" TEXT NOT NULL,
    "carcCode" TEXT NOT NULL,
    "rarcCode" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "avoidable" BOOLEAN NOT NULL,
    "isDenial" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "code_mapping_override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "code_mapping_change" (
    "id" UUID NOT NULL,
    "groupCode" TEXT NOT NULL,
    "carcCode" TEXT NOT NULL,
    "rarcCode" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "previewCount" INTEGER NOT NULL,
    "actorId" UUID,
    "actorEmail" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jobStatus" TEXT NOT NULL DEFAULT 'queued',
    "movedCount" INTEGER,
    "flaggedCount" INTEGER,
    "jobError" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "code_mapping_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "code_mapping_override_groupCode_carcCode_rarcCode_key" ON "code_mapping_override"("groupCode", "carcCode", "rarcCode");

-- CreateIndex
CREATE INDEX "code_mapping_change_at_idx" ON "code_mapping_change"("at");

-- CreateIndex
CREATE INDEX "code_mapping_change_groupCode_carcCode_idx" ON "code_mapping_change"("groupCode", "carcCode");