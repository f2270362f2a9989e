// The shapes a denial takes on the wire, shared by the server (which builds them) and the browser (which
// reads them): plain JSON — ISO dates, integer cents as numbers, no BigInt, no database types.
import type { OpenEscalationDto } from './escalations';
import type { Absence } from '../team/away';
import type { AppealDecision, AppealMethod, AppealStage } from '../appeals/appeal-chain';
import type { AppealOptions } from '../appeals/appeal-options';
import type { AppealPacketDto, AttachmentDto } from './attachments';
import { type IsoDate, diffDays } from '../dates';
import { type Urgency, urgency } from '../deadline';
import type { DenialStatus } from '../lifecycle';

export interface DeadlineDto {
  date: IsoDate;
  kind: string | null;
  daysLeft: number;
  urgency: Urgency;
}

/** The fields a mutation changes: returned on success, and as the fresh state with a conflict. */
export interface DenialStateDto {
  id: string;
  version: number;
  status: DenialStatus;
  appealLevel: string | null;
  owner: { id: string; name: string } | null;
  teamId: string | null;
  followUpDate: IsoDate | null;
  escalated: boolean;
  deniedCents: number;
  score: number;
  scoreLikelihood: number;
  deadline: DeadlineDto | null;
  updatedAt: string;
  /** How a closed denial ended (paid, partly paid, written off); null while it is open. */
  outcome: OutcomeDto | null;
  /** Set on the result of an edit its author may undo until `until` (lib/domain/undo.ts). */
  undo?: { eventId: string; until: string } | null;
}

export interface ClosureDto {
  /** The person who closed it; null when a remittance did. */
  by: string | null;
  at: string | null;
  /** Closed by a payment on an imported remittance: the file it came in. */
  remit: { fileId: string; filename: string | null } | null;
  /** Written off: the approved write-off. */
  writeOff: { amountCents: number; reason: string; requestedBy: string; requestedAt: string; approvedBy: string | null; decidedAt: string | null } | null;
}

/** A closed denial's outcome, shown instead of its deadline and score. */
export interface OutcomeDto {
  kind: 'resolved_paid' | 'resolved_partial' | 'written_off';
  /** Recovered for a payment; written off for a write-off. */
  amountCents: number;
  /** A payer paid more than was denied: the excess, owed back and not counted as recovered (0 when none). */
  overpaidCents: number;
  /** When it closed (ISO), when known. */
  at: string | null;
}

export interface QueueRowDto extends DenialStateDto {
  patientName: string | null;
  patientControlNumber: string;
  payerClaimNumber: string | null;
  payer: { id: string; name: string };
  category: string;
  department: string;
  carcCodes: string[];
  rarcCodes: string[];
  appealable: boolean;
  /** "$4,210 × 62% recovery × due in 9 days" */
  why: string;
  openedAt: string;
  /** In "My queue" only: the away colleague whose due follow-up this is, when the viewer covers for them. */
  coveringFor?: string | null;
}

export interface QueuePageDto {
  rows: QueueRowDto[];
  nextCursor: string | null;
  /** Which page this is (1 for the first): the cursor counts, so a reloaded page 3 still says so. */
  page: number;
  /**
   * First page only, never a COUNT(*) over the whole table: the planner's estimate for a large view
   * (estimated), else an exact count capped at 1,000 (capped when there are more).
   */
  total: { count: number; capped: boolean; estimated: boolean } | null;
  /** Official descriptions of the codes on this page, for the hover text. */
  codes: { carc: Record<string, string>; rarc: Record<string, string> };
  today: IsoDate;
  /** The import the page is filtered to (`import=`), for the filter bar's chip; null without one or when unknown. */
  fromImport: { id: string; filename: string } | null;
}

export function deadlineDto(date: IsoDate | null, kind: string | null, today: IsoDate, warningWindowDays: number): DeadlineDto | null {
  if (date === null) return null;
  return { date, kind, daysLeft: diffDays(date, today), urgency: urgency(date, today, warningWindowDays) };
}

export interface AdjustmentDto {
  id: string;
  groupCode: string;
  reasonCode: string;
  /** Official CARC text (carc_code), or null when the code is not in the list. */
  description: string | null;
  amountCents: number;
  quantity: string | null;
  kind: string;
  category: string | null;
}

export interface RemarkDto {
  id: string;
  code: string;
  /** Official RARC text (rarc_code), or null when the code is not in the list. */
  description: string | null;
  source: string;
}

export interface ServiceLineDto {
  id: string;
  lineNumber: number;
  procedure: string | null;
  revenueCode: string | null;
  billedCents: number;
  paidCents: number;
  allowedCents: number | null;
  units: string | null;
  serviceDate: IsoDate | null;
  adjustments: AdjustmentDto[];
  remarks: RemarkDto[];
}

export interface TimelineEventDto {
  id: string;
  type: string;
  at: string;
  actor: { id: string; name: string } | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface DeadlineDetailDto {
  date: IsoDate;
  kind: string;
  daysLeft: number;
  urgency: Urgency;
  /** How it was counted, e.g. "Redetermination: 120 days from receipt (presumed 5 days after …)". */
  basis: string;
}

/** One appeal of the denial's chain, level by level. */
export interface AppealDto {
  id: string;
  level: string;
  /** "Redetermination", "Level 1 appeal", "External review". */
  name: string;
  stage: AppealStage;
  dueDate: IsoDate | null;
  submittedOn: IsoDate | null;
  method: AppealMethod | null;
  payerReference: string | null;
  statusCheckOn: IsoDate | null;
  decision: AppealDecision | null;
  decidedOn: IsoDate | null;
  recoveredCents: number;
  /** The packet last built for this appeal (null until one is). */
  packet: AppealPacketDto | null;
}

/** A corrected claim sent for the denial (claim_resubmission). */
export interface ResubmissionDto {
  id: string;
  /** CLM05-3: "7" replacement, "1" new claim, "8" void. */
  frequencyCode: string;
  sentOn: IsoDate;
  payerClaimNumber: string | null;
  newClaimNumber: string | null;
  note: string | null;
  followUpOn: IsoDate;
  /** Ids of the checklist items ticked (lib/domain/appeals/corrected-claim.ts). */
  checklist: string[];
  createdBy: string | null;
}

export interface DenialDetailDto extends QueueRowDto {
  team: { id: string; name: string } | null;
  avoidable: boolean;
  /** Set when a code-mapping change says this is no longer a denial: a person reviews it (it is not closed). */
  reviewReason: string | null;
  recoveredCents: number;
  serviceDate: IsoDate | null;
  noticeDate: IsoDate | null;
  claim: {
    id: string;
    statusCode: string;
    billedCents: number;
    paidCents: number;
    patientRespCents: number;
    filingIndicator: string | null;
    memberId: string | null;
    renderingProvider: string | null;
    statementFrom: IsoDate | null;
    statementTo: IsoDate | null;
    receivedDate: IsoDate | null;
    adjustments: AdjustmentDto[];
    remarks: RemarkDto[];
    lines: ServiceLineDto[];
  };
  remittance: {
    id: string;
    traceNumber: string | null;
    paymentDate: IsoDate | null;
    productionDate: IsoDate | null;
    totalPaidCents: number;
    paymentMethod: string | null;
    payeeName: string | null;
    file: { id: string; filename: string; importedAt: string; format: string };
  };
  deadlines: {
    working: DeadlineDetailDto | null;
    /** Why nothing is due, when nothing is. */
    waitingReason: string | null;
    /** Waiting on the payer or a manager, and the follow-up date has come: a status check is due. */
    followUpDue: boolean;
    timelyFiling: { date: IsoDate; basis: string } | { reason: string };
  };
  scoreBreakdown: { score: number; amountCents: number; likelihood: number; urgency: number; effort: number; explanation: string; scoredAt: string | null };
  timeline: TimelineEventDto[];
  appeals: AppealDto[];
  /** Corrected claims sent, oldest first. */
  resubmissions: ResubmissionDto[];
  /** The appeal that can be started now (the next level, with its deadline), or why none can. */
  appealOptions: AppealOptions;
  /** The files attached to the denial or one of its appeals, oldest first (removed ones left out). */
  attachments: AttachmentDto[];
  writeOffs: {
    id: string;
    amountCents: number;
    reason: string;
    status: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
  }[];
  /** How and by whom a closed denial was closed (null while open): shown in place of the deadline and score. */
  closure: ClosureDto | null;
  /** The escalation waiting for a manager, if any (issue 14). */
  escalation: OpenEscalationDto | null;
  /** What the viewer may do here (the server checks again on every action). */
  viewer: {
    canEdit: boolean;
    canAssignSelf: boolean;
    canReassign: boolean;
    /** May escalate it now: open, not already escalated, within reach. */
    canEscalate: boolean;
    /** May resolve, return or reassign its open escalation (a manager in reach). */
    canHandleEscalation: boolean;
    /** May withdraw its open escalation (the one who raised it). */
    canWithdrawEscalation: boolean;
    canRequestWriteOff: boolean;
    canApproveWriteOff: boolean;
    /** A manager may reopen this closed denial. */
    canReopen: boolean;
    /** A write-off by this viewer takes effect at once (at or below the payer's approval threshold, whoever asks). */
    writeOffImmediate: boolean;
    /** The pending write-off is the viewer's own request: another manager decides it (nobody approves their own). */
    ownWriteOffPending: boolean;
  };
  /** Official descriptions of the denial's codes, for the hover text. */
  codes: { carc: Record<string, string>; rarc: Record<string, string> };
}

/** One denial a bulk edit could not change, with the fresh state when it was stale. */
export interface BulkFailure {
  id: string;
  code: string;
  message: string;
  current?: DenialStateDto | null;
}

export interface BulkUpdateResult {
  updated: DenialStateDto[];
  failed: BulkFailure[];
}

/** The choices the queue's filter bar and reassign menu offer. No PHI: names of payers and colleagues. */
export interface QueueOptionsDto {
  payers: { id: string; name: string }[];
  /** People work can be assigned to (and filtered by): the actor's team, or everyone with organisation-wide scope. */
  people: { id: string; name: string; teamId: string | null; away?: Absence | null }[];
  /** What the viewer may do in the queue (the server checks again on every action). */
  viewer: { canReassign: boolean; canViewAll: boolean; /** Download the view as CSV (export_lists). */ canExport: boolean };
}
