-- Notifications (issue 14): one row per message per user, written in the transaction of the change it reports.
-- Escalations (issue 14): a request for a manager with its reason, routed to the team, handled once; at most one
-- open per denial (partial unique index), which also keeps an SLA run that repeats from raising it twice.
-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "href" TEXT,
    "denialId" UUID,
    "actorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "teamId" UUID,
    "raisedById" UUID,
    "reason" TEXT NOT NULL,
    "slaRule" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "raisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledById" UUID,
    "handledAt" TIMESTAMPTZ(3),
    "handledNote" TEXT,

    CONSTRAINT "escalation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_userId_id_idx" ON "notification"("userId", "id" DESC);

-- CreateIndex
CREATE INDEX "notification_unread_idx" ON "notification"("userId") WHERE ("readAt" IS NULL);

-- CreateIndex
CREATE INDEX "escalation_denialId_idx" ON "escalation"("denialId");

-- CreateIndex
CREATE INDEX "escalation_open_team_idx" ON "escalation"("teamId", "raisedAt") WHERE (status = 'open'::text);

-- CreateIndex
CREATE UNIQUE INDEX "escalation_one_open_idx" ON "escalation"("denialId") WHERE (status = 'open'::text);

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;