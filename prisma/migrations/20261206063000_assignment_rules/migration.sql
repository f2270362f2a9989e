-- Issue 14: ordered assignment rules that route new denials (on ingest and on the unassigned queue) to a team and owner.
-- CreateTable
CREATE TABLE "assignment_rule" (
    "id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "payerIds" UUID[],
    "categories" TEXT[],
    "departments" TEXT[],
    "carcCodes" TEXT[],
    "rarcCodes" TEXT[],
    "minCents" BIGINT,
    "maxCents" BIGINT,
    "providerNpis" TEXT[],
    "teamId" UUID NOT NULL,
    "strategy" TEXT NOT NULL,
    "userId" UUID,
    "cursorUserId" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "assignment_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assignment_rule_position_idx" ON "assignment_rule"("position");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_rule_one_default_idx" ON "assignment_rule"("isDefault") WHERE ("isDefault");