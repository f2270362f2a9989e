import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { type AdjustmentDto, type AppealDto, type DenialDetailDto, type RemarkDto } from '@/lib/domain/contracts/denials';
import { appealStage } from '@/lib/domain/appeals/appeal-chain';
import { appealOptions } from '@/lib/domain/appeals/appeal-options';
import { stepOf } from '../appeals/appeal-records';
import { toAttachmentDto } from '../attachments/attachment-dto';
import { denialDeadlines, isWaiting } from '@/lib/domain/denial-deadline';
import { levelName, urgency } from '@/lib/domain/deadline';
import { diffDays } from '@/lib/domain/dates';
import { parseAppealLevel } from '@/lib/domain/appeal-levels';
import { type PayerDeadlineRules, defaultPayerRules } from '@/lib/domain/payer-rules';
import { type Actor, can } from '@/lib/domain/permissions';
import { scoreWhy } from '@/lib/domain/score-why';
import { isOpen } from '@/lib/domain/lifecycle';
import { outcomeOf } from '@/lib/domain/outcome';
import { writeOffReasonText } from '@/lib/domain/write-off-reasons';
import { closureDto } from './closure-dto';
import { deadlineDto, isoDate } from './dto';
import type { DenialDetailRecord } from './get-denial';

type Codes = DenialDetailDto['codes'];
type Adjustment = DenialDetailRecord['claim']['adjustments'][number];
type Remark = DenialDetailRecord['claim']['remarks'][number];

const adjustmentDto = (a: Adjustment, codes: Codes): AdjustmentDto => ({
  id: a.id,
  groupCode: a.groupCode,
  reasonCode: a.reasonCode,
  description: codes.carc[a.reasonCode] ?? null,
  amountCents: Number(a.amountCents),
  quantity: a.quantity?.toString() ?? null,
  kind: a.kind,
  category: a.category,
});

const remarkDto = (r: Remark, codes: Codes): RemarkDto => ({
  id: r.id,
  code: r.code,
  description: codes.rarc[r.code] ?? null,
  source: r.source,
});

const cents = (value: bigint | null) => (value === null ? null : Number(value));

function appealDtos(d: DenialDetailRecord, rules: PayerDeadlineRules): AppealDto[] {
  return d.appeals.map((row) => {
    const step = stepOf(row);
    return {
      id: row.id,
      level: row.level,
      name: levelName(rules, step.level),
      stage: appealStage(step),
      dueDate: step.dueDate,
      submittedOn: step.submission?.on ?? null,
      method: step.submission ? (row.method as AppealDto['method']) : null,
      payerReference: row.payerReference,
      statusCheckOn: step.submission?.statusCheckOn ?? null,
      decision: step.outcome?.decision ?? null,
      decidedOn: step.outcome?.on ?? null,
      recoveredCents: Number(row.recoveredCents),
      packet: row.packetSha256 && row.packetBuiltAt
        ? { sha256: row.packetSha256, pageCount: row.packetPageCount, builtAt: row.packetBuiltAt.toISOString(), attachmentIds: row.packetAttachmentIds }
        : null,
    };
  });
}

function deadlines(d: DenialDetailRecord, rules: PayerDeadlineRules, today: IsoDate): DenialDetailDto['deadlines'] {
  const result = denialDeadlines(rules, {
    status: d.status,
    appealable: d.appealable,
    appealLevel: parseAppealLevel(d.appealLevel),
    noticeDate: isoDate(d.noticeDate),
    serviceDate: isoDate(d.serviceDate),
    lastDecisionDate: d.appeals.reduce<IsoDate | null>((latest, a) => {
      const decided = isoDate(a.decidedAt);
      return decided && (!latest || decided > latest) ? decided : latest;
    }, null),
  });
  const w = result.working;
  return {
    working: w
      ? { date: w.dueDate, kind: w.kind, daysLeft: diffDays(w.dueDate, today), urgency: urgency(w.dueDate, today, rules.warningWindowDays), basis: w.basis }
      : null,
    waitingReason: result.waitingReason,
    followUpDue: result.waiting && d.followUpDate !== null && diffDays(isoDate(d.followUpDate)!, today) <= 0,
    timelyFiling: result.timelyFiling.ok ? { date: result.timelyFiling.dueDate, basis: result.timelyFiling.basis } : { reason: result.timelyFiling.reason },
  };
}

export function toDenialDetail(
  d: DenialDetailRecord,
  ctx: { actor: Actor; today: IsoDate; codes: Codes; rules: PayerDeadlineRules | null; closingFile: string | null; writeOffThresholdCents: number },
): DenialDetailDto {
  const { actor, today, codes } = ctx;
  const { claim } = d;
  const rules = ctx.rules ?? defaultPayerRules(d.payer.payerType);
  const deniedCents = Number(d.deniedCents);
  const ownPending = d.status === 'writeoff_pending' && d.writeOffs.some((w) => w.status === 'pending' && w.requestedById === actor.id);
  const deadlineDate = isoDate(d.deadlineDate);
  const open = d.escalations[0];
  const escalation = open ? { id: open.id, reason: open.reason, raisedBy: open.raisedBy?.name ?? null, slaRule: open.slaRule, raisedAt: open.raisedAt.toISOString() } : null;
  const procedure = (l: DenialDetailRecord['claim']['serviceLines'][number]) =>
    l.procedureCode ? [l.procedureQualifier, l.procedureCode, ...l.modifiers].filter(Boolean).join(':') : null;
  return {
    id: d.id,
    version: d.version,
    status: d.status,
    appealLevel: d.appealLevel,
    owner: d.owner,
    teamId: d.teamId,
    team: d.team,
    followUpDate: isoDate(d.followUpDate),
    escalated: d.escalated,
    deniedCents,
    recoveredCents: Number(d.recoveredCents),
    score: d.score,
    scoreLikelihood: d.scoreLikelihood,
    deadline: deadlineDto(deadlineDate, d.deadlineKind, today, d.payer.warningWindowDays),
    updatedAt: d.updatedAt.toISOString(),
    outcome: outcomeOf({ status: d.status, deniedCents, recoveredCents: Number(d.recoveredCents), overpaidCents: Number(d.overpaidCents), resolvedAt: d.resolvedAt?.toISOString() ?? null }),
    closure: closureDto(d, ctx.closingFile),
    patientName: d.patientName,
    patientControlNumber: d.patientControlNumber,
    payerClaimNumber: d.payerClaimNumber,
    payer: { id: d.payer.id, name: d.payer.name },
    category: d.category,
    department: d.department,
    avoidable: d.avoidable,
    carcCodes: d.carcCodes,
    rarcCodes: d.rarcCodes,
    appealable: d.appealable,
    reviewReason: d.reviewReason,
    why: scoreWhy({
      amountCents: deniedCents,
      likelihood: d.scoreLikelihood,
      deadlineDate,
      today,
      waiting: isWaiting(d.status),
      followUpDate: isoDate(d.followUpDate),
    }),
    openedAt: d.openedAt.toISOString(),
    serviceDate: isoDate(d.serviceDate),
    noticeDate: isoDate(d.noticeDate),
    claim: {
      id: claim.id,
      statusCode: claim.statusCode,
      billedCents: Number(claim.billedCents),
      paidCents: Number(claim.paidCents),
      patientRespCents: Number(claim.patientRespCents),
      filingIndicator: claim.filingIndicator,
      memberId: claim.memberId,
      renderingProvider: [claim.renderingProviderName, claim.renderingProviderNpi && `NPI ${claim.renderingProviderNpi}`].filter(Boolean).join(' · ') || null,
      statementFrom: isoDate(claim.statementFrom),
      statementTo: isoDate(claim.statementTo),
      receivedDate: isoDate(claim.receivedDate),
      adjustments: claim.adjustments.map((a) => adjustmentDto(a, codes)),
      remarks: claim.remarks.map((r) => remarkDto(r, codes)),
      lines: claim.serviceLines.map((l) => ({
        id: l.id,
        lineNumber: l.lineNumber,
        procedure: procedure(l),
        revenueCode: l.revenueCode,
        billedCents: Number(l.billedCents),
        paidCents: Number(l.paidCents),
        allowedCents: cents(l.allowedCents),
        units: l.units?.toString() ?? null,
        serviceDate: isoDate(l.serviceDate),
        adjustments: l.adjustments.map((a) => adjustmentDto(a, codes)),
        remarks: l.remarks.map((r) => remarkDto(r, codes)),
      })),
    },
    remittance: {
      id: claim.remittance.id,
      traceNumber: claim.remittance.traceNumber,
      paymentDate: isoDate(claim.remittance.paymentDate),
      productionDate: isoDate(claim.remittance.productionDate),
      totalPaidCents: Number(claim.remittance.totalPaidCents),
      paymentMethod: claim.remittance.paymentMethod,
      // A file may name a payee per claim (N1*PE repeated between claims): the claim's own comes first.
      payeeName: claim.payeeName ?? claim.remittance.payeeName,
      file: { ...claim.remittance.file, importedAt: claim.remittance.file.importedAt.toISOString() },
    },
    deadlines: deadlines(d, rules, today),
    scoreBreakdown: {
      score: d.score,
      amountCents: deniedCents,
      likelihood: d.scoreLikelihood,
      urgency: d.scoreUrgency,
      effort: d.scoreEffort,
      explanation: d.scoreExplanation,
      scoredAt: d.scoredAt?.toISOString() ?? null,
    },
    timeline: d.events.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.createdAt.toISOString(),
      actor: e.actor,
      note: e.note,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    appeals: appealDtos(d, rules),
    resubmissions: d.resubmissions.map((r) => ({
      id: r.id,
      frequencyCode: r.frequencyCode,
      sentOn: isoDate(r.sentOn)!,
      payerClaimNumber: r.payerClaimNumber,
      newClaimNumber: r.newClaimNumber,
      note: r.note,
      followUpOn: isoDate(r.followUpOn)!,
      checklist: Array.isArray(r.checklist) ? r.checklist.filter((id): id is string => typeof id === 'string') : [],
      createdBy: r.createdBy?.name ?? null,
    })),
    appealOptions: appealOptions({
      status: d.status,
      appealable: d.appealable,
      noticeDate: isoDate(d.noticeDate),
      chain: d.appeals.map(stepOf),
      rules,
    }),
    attachments: d.attachments.map((a) => toAttachmentDto(a, d.appeals)),
    writeOffs: d.writeOffs.map((w) => ({
      id: w.id,
      amountCents: Number(w.amountCents),
      reason: writeOffReasonText(w.reasonCode, w.reason),
      status: w.status,
      requestedBy: w.requestedBy.name,
      requestedAt: w.requestedAt.toISOString(),
      decidedBy: w.decidedBy?.name ?? null,
      decidedAt: w.decidedAt?.toISOString() ?? null,
    })),
    escalation,
    viewer: {
      canEdit: can(actor, 'edit_denial', d),
      canAssignSelf: can(actor, 'assign_self', d),
      canReassign: can(actor, 'reassign', d),
      canEscalate: isOpen(d.status) && !d.escalated && can(actor, 'escalate', d),
      canHandleEscalation: escalation !== null && can(actor, 'handle_escalation', d),
      canWithdrawEscalation: open !== undefined && open.raisedById === actor.id && can(actor, 'escalate', d),
      canRequestWriteOff: can(actor, 'request_writeoff', d),
      // Nobody decides their own request (decide-write-off.ts).
      canApproveWriteOff: can(actor, 'approve_writeoff', d) && !ownPending,
      canReopen: !isOpen(d.status) && can(actor, 'reopen_denial', d),
      // As request-write-off.ts decides: at or below the payer's threshold needs no approval, whoever asks.
      writeOffImmediate: deniedCents <= ctx.writeOffThresholdCents,
      ownWriteOffPending: ownPending,
    },
    codes,
  };
}
