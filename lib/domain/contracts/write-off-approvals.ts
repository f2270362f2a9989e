// The write-off approval inbox (issue 14): what the page shows of each pending write-off, and what a decision of
// one or many answers, row by row.
import type { IsoDate } from '../dates';
import type { WriteOffWarning } from '../write-off-checks';

/** The most rows one visit shows, oldest request first; the rest wait for the next visit (the page says so). */
export const APPROVAL_INBOX_LIMIT = 200;
/** The most write-offs one bulk decision takes. */
export const BULK_DECISION_MAX = 200;

export interface PendingWriteOffAppealDto {
  level: string;
  /** drafted (not sent), with the payer (sent, undecided), or the payer's decision. */
  state: 'drafted' | 'with_payer' | 'decided';
  outcome: string | null;
  submittedOn: IsoDate | null;
  decidedOn: IsoDate | null;
}

export interface PendingWriteOffDto {
  writeOffId: string;
  denialId: string;
  /** The denial's version, for the decision's optimistic check. */
  version: number;
  claimNumber: string;
  patientName: string | null;
  payerName: string;
  carcCodes: string[];
  rarcCodes: string[];
  groupCodes: string[];
  category: string;
  amountCents: number;
  reasonCode: string;
  reasonLabel: string;
  /** The requester's detail ('' when the code needed none). */
  reasonText: string;
  requestedBy: string;
  requestedAt: string;
  /** The viewer asked for it: another manager decides it. */
  ownRequest: boolean;
  /** The deadline the denial works against if the write-off is rejected (appeal or timely filing). */
  deadline: { date: IsoDate; label: string; daysLeft: number } | null;
  timelyFiling: { date: IsoDate; daysLeft: number } | null;
  appeals: PendingWriteOffAppealDto[];
  /** The latest notes, newest first. */
  notes: { by: string | null; at: string; text: string }[];
  warnings: WriteOffWarning[];
}

export interface ApprovalInboxDto {
  rows: PendingWriteOffDto[];
  /** All pending write-offs in reach (may exceed rows.length). */
  total: number;
  totalCents: number;
  /** The viewer is the only active manager: their own requests above the threshold cannot be decided by anyone. */
  soleManager: boolean;
}

export interface WriteOffDecisionRowDto {
  denialId: string;
  ok: boolean;
  /** For a refused row: conflict (changed since the page was read), forbidden (own request), not_found, invalid_input. */
  code?: string;
  message: string;
}

export interface WriteOffDecisionsDto {
  approve: boolean;
  decided: number;
  decidedCents: number;
  results: WriteOffDecisionRowDto[];
}
