import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { isWaiting } from '@/lib/domain/denial-deadline';
import type { DenialStatus } from '@/lib/domain/lifecycle';
import { outcomeOf } from '@/lib/domain/outcome';
import { scoreWhy } from '@/lib/domain/score-why';
import { type QueueRowDto, deadlineDto } from './dto';

/** A queue row as the page query returns it (lib/server/sql.ts: pg types). */
export interface QueueRow {
  id: string;
  version: number;
  patientName: string | null;
  patientControlNumber: string;
  payerClaimNumber: string | null;
  payerId: string;
  payerName: string;
  warningWindowDays: number;
  /** int8 arrives from pg as a string. */
  deniedCents: string;
  category: string;
  department: string;
  carcCodes: string[];
  rarcCodes: string[];
  deadlineDate: string | null;
  deadlineKind: string | null;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  followUpDate: string | null;
  /** A denial_status enum value: the column admits no other. */
  status: DenialStatus;
  appealLevel: string | null;
  escalated: boolean;
  appealable: boolean;
  score: number;
  scoreLikelihood: number;
  openedAt: Date;
  updatedAt: Date;
  recoveredCents: string;
  overpaidCents: string;
  resolvedAt: Date | null;
}

/** Nothing is due from us while the payer or a manager holds the next move. */

export function toQueueRow(row: QueueRow, today: IsoDate): QueueRowDto {
  const deniedCents = Number(row.deniedCents);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    appealLevel: row.appealLevel,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    teamId: row.teamId,
    followUpDate: row.followUpDate,
    escalated: row.escalated,
    deniedCents,
    score: row.score,
    scoreLikelihood: row.scoreLikelihood,
    deadline: deadlineDto(row.deadlineDate, row.deadlineKind, today, row.warningWindowDays),
    updatedAt: row.updatedAt.toISOString(),
    outcome: outcomeOf({ status: row.status, deniedCents, recoveredCents: Number(row.recoveredCents), overpaidCents: Number(row.overpaidCents), resolvedAt: row.resolvedAt?.toISOString() ?? null }),
    patientName: row.patientName,
    patientControlNumber: row.patientControlNumber,
    payerClaimNumber: row.payerClaimNumber,
    payer: { id: row.payerId, name: row.payerName },
    category: row.category,
    department: row.department,
    carcCodes: row.carcCodes,
    rarcCodes: row.rarcCodes,
    appealable: row.appealable,
    why: scoreWhy({
      amountCents: deniedCents,
      likelihood: row.scoreLikelihood,
      deadlineDate: row.deadlineDate,
      waiting: isWaiting(row.status),
      followUpDate: row.followUpDate,
      today,
    }),
    openedAt: row.openedAt.toISOString(),
  };
}
