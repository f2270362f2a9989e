-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('specialist', 'manager', 'front_desk', 'admin');

-- CreateEnum
CREATE TYPE "PayerType" AS ENUM ('medicare', 'medicaid', 'commercial');

-- CreateEnum
CREATE TYPE "DenialStatus" AS ENUM ('new', 'assigned', 'in_progress', 'pending_info', 'appealed', 'corrected_resubmitted', 'writeoff_pending', 'resolved_paid', 'resolved_partial', 'written_off');

-- CreateEnum
CREATE TYPE "AdjustmentKind" AS ENUM ('denial', 'expected_adjustment', 'patient_responsibility', 'informational');

-- CreateEnum
CREATE TYPE "FileFormat" AS ENUM ('x12_835', 'csv');

-- CreateEnum
CREATE TYPE "WriteOffStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "team" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "teamId" UUID,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "auth_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payer" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "payerType" "PayerType" NOT NULL DEFAULT 'commercial',
    "timelyFilingDays" INTEGER NOT NULL DEFAULT 365,
    "warningWindowDays" INTEGER NOT NULL DEFAULT 14,
    "rollWeekendDeadlines" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "payer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payer_deadline_rule" (
    "id" UUID NOT NULL,
    "payerId" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "receiptPresumptionDays" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "payer_deadline_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "remittance_file" (
    "id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "format" "FileFormat" NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "interchangeControlNumbers" TEXT[],
    "importedById" UUID,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimCount" INTEGER NOT NULL DEFAULT 0,
    "denialCount" INTEGER NOT NULL DEFAULT 0,
    "recoveryCount" INTEGER NOT NULL DEFAULT 0,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "reviewReason" TEXT,
    "rejectedRows" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "remittance_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "remittance" (
    "id" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "payerId" UUID NOT NULL,
    "interchangeControlNumber" TEXT,
    "transactionControlNumber" TEXT,
    "payeeName" TEXT,
    "payeeNpi" TEXT,
    "traceNumber" TEXT,
    "traceOriginator" TEXT,
    "totalPaidCents" BIGINT NOT NULL,
    "paymentMethod" TEXT,
    "creditDebit" TEXT,
    "paymentDate" DATE,
    "productionDate" DATE,

    CONSTRAINT "remittance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" UUID NOT NULL,
    "remittanceId" UUID NOT NULL,
    "payerId" UUID NOT NULL,
    "patientControlNumber" TEXT NOT NULL,
    "payerClaimNumber" TEXT,
    "statusCode" TEXT NOT NULL,
    "billedCents" BIGINT NOT NULL,
    "paidCents" BIGINT NOT NULL,
    "patientRespCents" BIGINT NOT NULL DEFAULT 0,
    "filingIndicator" TEXT,
    "facilityCode" TEXT,
    "frequencyCode" TEXT,
    "patientFirstName" TEXT,
    "patientLastName" TEXT,
    "memberId" TEXT,
    "renderingProviderName" TEXT,
    "renderingProviderNpi" TEXT,
    "statementFrom" DATE,
    "statementTo" DATE,
    "receivedDate" DATE,
    "serviceDate" DATE,
    "isDenial" BOOLEAN NOT NULL DEFAULT false,
    "deniedCents" BIGINT NOT NULL DEFAULT 0,
    "balanced" BOOLEAN NOT NULL DEFAULT true,
    "segmentIndex" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_line" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "procedureQualifier" TEXT,
    "procedureCode" TEXT,
    "modifiers" TEXT[],
    "revenueCode" TEXT,
    "billedCents" BIGINT NOT NULL,
    "paidCents" BIGINT NOT NULL,
    "allowedCents" BIGINT,
    "units" DECIMAL(12,3),
    "serviceDate" DATE,
    "lineControlNumber" TEXT,

    CONSTRAINT "service_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "adjustment" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "serviceLineId" UUID,
    "groupCode" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "quantity" DECIMAL(12,3),
    "kind" "AdjustmentKind" NOT NULL,
    "category" TEXT,

    CONSTRAINT "adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_remark" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "serviceLineId" UUID,
    "code" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "claim_remark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_adjustment" (
    "id" UUID NOT NULL,
    "remittanceId" UUID NOT NULL,
    "providerId" TEXT,
    "fiscalDate" DATE,
    "reasonCode" TEXT NOT NULL,
    "reference" TEXT,
    "amountCents" BIGINT NOT NULL,
    "claimId" UUID,

    CONSTRAINT "provider_adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "denial" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "payerId" UUID NOT NULL,
    "status" "DenialStatus" NOT NULL DEFAULT 'new',
    "appealLevel" TEXT,
    "ownerId" UUID,
    "teamId" UUID,
    "followUpDate" DATE,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "escalatedAt" TIMESTAMPTZ(3),
    "patientName" TEXT,
    "patientControlNumber" TEXT NOT NULL,
    "payerClaimNumber" TEXT,
    "serviceDate" DATE,
    "noticeDate" DATE,
    "deniedCents" BIGINT NOT NULL,
    "recoveredCents" BIGINT NOT NULL DEFAULT 0,
    "category" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "avoidable" BOOLEAN NOT NULL,
    "appealable" BOOLEAN NOT NULL DEFAULT true,
    "carcCodes" TEXT[],
    "rarcCodes" TEXT[],
    "deadlineDate" DATE,
    "deadlineKind" TEXT,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scoreLikelihood" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scoreUrgency" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "scoreEffort" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "scoreExplanation" TEXT NOT NULL DEFAULT '',
    "scoredAt" TIMESTAMPTZ(3),
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "denial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "denial_event" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "actorId" UUID,
    "type" TEXT NOT NULL,
    "note" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "denial_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appeal" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "submittedAt" DATE,
    "dueDate" DATE,
    "method" TEXT,
    "outcome" TEXT,
    "decidedAt" DATE,
    "recoveredCents" BIGINT NOT NULL DEFAULT 0,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "appealId" UUID,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "write_off" (
    "id" UUID NOT NULL,
    "denialId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "WriteOffStatus" NOT NULL DEFAULT 'pending',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "write_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "root_cause_issue" (
    "id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "root_cause_issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "root_cause_issue_denial" (
    "issueId" UUID NOT NULL,
    "denialId" UUID NOT NULL,

    CONSTRAINT "root_cause_issue_denial_pkey" PRIMARY KEY ("issueId","denialId")
);

-- CreateTable
CREATE TABLE "csv_mapping" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "csv_mapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_view" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "carc_code" (
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "startDate" DATE,
    "lastModified" DATE,
    "stopDate" DATE,
    "kind" "AdjustmentKind" NOT NULL,
    "category" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "avoidable" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "carc_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "rarc_code" (
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "startDate" DATE,
    "lastModified" DATE,
    "stopDate" DATE,
    "category" TEXT,
    "department" TEXT,
    "avoidable" BOOLEAN,
    "appealable" BOOLEAN,
    "note" TEXT,

    CONSTRAINT "rarc_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "group_code" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "group_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "phi" BOOLEAN NOT NULL DEFAULT false,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "team_name_key" ON "team"("name");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "auth_session_userId_idx" ON "auth_session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "payer_identifier_key" ON "payer"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "payer_deadline_rule_payerId_level_key" ON "payer_deadline_rule"("payerId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "remittance_file_sha256_key" ON "remittance_file"("sha256");

-- CreateIndex
CREATE INDEX "remittance_payerId_traceNumber_idx" ON "remittance"("payerId", "traceNumber");

-- CreateIndex
CREATE INDEX "remittance_fileId_idx" ON "remittance"("fileId");

-- CreateIndex
CREATE INDEX "claim_patientControlNumber_payerClaimNumber_idx" ON "claim"("patientControlNumber", "payerClaimNumber");

-- CreateIndex
CREATE INDEX "claim_remittanceId_idx" ON "claim"("remittanceId");

-- CreateIndex
CREATE INDEX "claim_payerId_createdAt_idx" ON "claim"("payerId", "createdAt");

-- CreateIndex
CREATE INDEX "service_line_claimId_idx" ON "service_line"("claimId");

-- CreateIndex
CREATE INDEX "adjustment_claimId_idx" ON "adjustment"("claimId");

-- CreateIndex
CREATE INDEX "adjustment_reasonCode_idx" ON "adjustment"("reasonCode");

-- CreateIndex
CREATE INDEX "claim_remark_claimId_idx" ON "claim_remark"("claimId");

-- CreateIndex
CREATE INDEX "provider_adjustment_remittanceId_idx" ON "provider_adjustment"("remittanceId");

-- CreateIndex
CREATE UNIQUE INDEX "denial_claimId_key" ON "denial"("claimId");

-- CreateIndex
CREATE INDEX "denial_status_score_id_idx" ON "denial"("status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "denial_ownerId_status_score_id_idx" ON "denial"("ownerId", "status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "denial_teamId_status_score_id_idx" ON "denial"("teamId", "status", "score" DESC, "id");

-- CreateIndex
CREATE INDEX "denial_deadlineDate_idx" ON "denial"("deadlineDate");

-- CreateIndex
CREATE INDEX "denial_followUpDate_idx" ON "denial"("followUpDate");

-- CreateIndex
CREATE INDEX "denial_payerId_category_idx" ON "denial"("payerId", "category");

-- CreateIndex
CREATE INDEX "denial_event_denialId_createdAt_idx" ON "denial_event"("denialId", "createdAt");

-- CreateIndex
CREATE INDEX "recovery_denialId_idx" ON "recovery"("denialId");

-- CreateIndex
CREATE INDEX "appeal_denialId_idx" ON "appeal"("denialId");

-- CreateIndex
CREATE INDEX "attachment_denialId_idx" ON "attachment"("denialId");

-- CreateIndex
CREATE INDEX "write_off_denialId_idx" ON "write_off"("denialId");

-- CreateIndex
CREATE INDEX "write_off_status_idx" ON "write_off"("status");

-- CreateIndex
CREATE UNIQUE INDEX "csv_mapping_source_key" ON "csv_mapping"("source");

-- CreateIndex
CREATE UNIQUE INDEX "saved_view_userId_name_key" ON "saved_view"("userId", "name");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "audit_event_entityType_entityId_idx" ON "audit_event"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payer_deadline_rule" ADD CONSTRAINT "payer_deadline_rule_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "payer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remittance_file" ADD CONSTRAINT "remittance_file_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remittance" ADD CONSTRAINT "remittance_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "remittance_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remittance" ADD CONSTRAINT "remittance_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "remittance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_line" ADD CONSTRAINT "service_line_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjustment" ADD CONSTRAINT "adjustment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjustment" ADD CONSTRAINT "adjustment_serviceLineId_fkey" FOREIGN KEY ("serviceLineId") REFERENCES "service_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_remark" ADD CONSTRAINT "claim_remark_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_remark" ADD CONSTRAINT "claim_remark_serviceLineId_fkey" FOREIGN KEY ("serviceLineId") REFERENCES "service_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_adjustment" ADD CONSTRAINT "provider_adjustment_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "remittance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_adjustment" ADD CONSTRAINT "provider_adjustment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "denial" ADD CONSTRAINT "denial_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "denial" ADD CONSTRAINT "denial_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "denial" ADD CONSTRAINT "denial_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "denial" ADD CONSTRAINT "denial_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "denial_event" ADD CONSTRAINT "denial_event_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "denial_event" ADD CONSTRAINT "denial_event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery" ADD CONSTRAINT "recovery_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery" ADD CONSTRAINT "recovery_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "appeal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "write_off" ADD CONSTRAINT "write_off_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "write_off" ADD CONSTRAINT "write_off_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "write_off" ADD CONSTRAINT "write_off_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "root_cause_issue_denial" ADD CONSTRAINT "root_cause_issue_denial_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "root_cause_issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "root_cause_issue_denial" ADD CONSTRAINT "root_cause_issue_denial_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "denial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
