-- Team SLAs (issue 14): per-team conditions that escalate open denials by themselves, and the record of each
-- condition that fired so a resolved escalation is not raised again every run for the same condition.
-- CreateTable
CREATE TABLE "team_sla" (
    "id" UUID NOT NULL,
    "teamId" UUID,
    "followUpOverdueEnabled" BOOLEAN NOT NULL DEFAULT false,
    "followUpOverdueDays" INTEGER NOT NULL DEFAULT 3,
    "deadlineUnworkedEnabled" BOOLEAN NOT NULL DEFAULT false,
    "deadlineWithinDays" INTEGER NOT NULL DEFAULT 14,
    "deadlineIdleDays" INTEGER NOT NULL DEFAULT 7,
    "unassignedEnabled" BOOLEAN NOT NULL DEFAULT false,
    "unassignedHours" INTEGER NOT NULL DEFAULT 48,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_sla_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_firing" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "escalationId" UUID,
    "firedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_firing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "team_sla_teamId_key" ON "team_sla"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "sla_firing_denialId_rule_instance_key" ON "sla_firing"("denialId", "rule", "instance");

-- AddForeignKey
ALTER TABLE "team_sla" ADD CONSTRAINT "team_sla_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_firing" ADD CONSTRAINT "sla_firing_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- The organisation default (teams without their own row, denials with no team): every rule off until a manager
-- turns it on, so an upgrade never escalates the existing backlog by itself.
INSERT INTO "team_sla" ("id", "teamId") VALUES (gen_random_uuid(), NULL);
