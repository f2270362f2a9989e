-- CreateEnum
CREATE TYPE "PreventionStatus" AS ENUM ('open', 'in_progress', 'done');

-- DropForeignKey
ALTER TABLE "root_cause_issue_denial" DROP CONSTRAINT "root_cause_issue_denial_denialId_fkey";

-- DropForeignKey
ALTER TABLE "root_cause_issue_denial" DROP CONSTRAINT "root_cause_issue_denial_issueId_fkey";

-- DropTable
DROP TABLE "root_cause_issue";

-- DropTable
DROP TABLE "root_cause_issue_denial";

-- CreateTable
CREATE TABLE "prevention_issue" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "carcCode" TEXT,
    "payerId" UUID,
    "responsibleDepartment" TEXT NOT NULL,
    "actionTaken" TEXT NOT NULL DEFAULT '',
    "actionDate" DATE,
    "ownerId" UUID,
    "dueDate" DATE,
    "status" "PreventionStatus" NOT NULL DEFAULT 'open',
    "result" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "prevention_issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prevention_checklist" (
    "category" TEXT NOT NULL,
    "items" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "prevention_checklist_pkey" PRIMARY KEY ("category")
);

-- CreateIndex
CREATE INDEX "prevention_issue_status_dueDate_idx" ON "prevention_issue"("status", "dueDate");

-- AddForeignKey
ALTER TABLE "prevention_issue" ADD CONSTRAINT "prevention_issue_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "payer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prevention_issue" ADD CONSTRAINT "prevention_issue_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prevention_issue" ADD CONSTRAINT "prevention_issue_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prevention_checklist" ADD CONSTRAINT "prevention_checklist_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;