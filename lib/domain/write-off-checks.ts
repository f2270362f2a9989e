// Where a write-off's reason contradicts the denial's own data (issue 14): the approval inbox shows these on the row
// and in the confirmation, so a manager does not approve "timely filing missed" on a claim that can still be
// filed. They are warnings, never refusals: the data can be wrong, and the manager decides.
import { type IsoDate, diffDays } from './dates';
import { formatUsd } from './money';
import type { WriteOffReasonCode } from './write-off-reasons';

/** Above this a "small balance" is not small (issue 14 suggests $25). */
export const SMALL_BALANCE_LIMIT_CENTS = 2_500;

export interface WriteOffFacts {
  reasonCode: WriteOffReasonCode | string;
  amountCents: number;
  today: IsoDate;
  /** The claim's timely-filing date from the payer's rules; null when it cannot be computed. */
  timelyFilingDate: IsoDate | null;
  category: string;
  carcCodes: readonly string[];
  /** CAS group codes on the claim's adjustments (CO, PR, OA, PI, CR). */
  groupCodes: readonly string[];
  /** Appeals filed with the payer and not yet decided. */
  appealsPending: number;
  smallBalanceLimitCents?: number;
}

export type WriteOffWarningKind =
  | 'timely_filing_open'
  | 'small_balance_large'
  | 'duplicate_without_carc_18'
  | 'authorization_other_category'
  | 'contractual_without_co'
  | 'non_covered_patient_responsibility'
  | 'appeal_pending';

export interface WriteOffWarning {
  kind: WriteOffWarningKind;
  message: string;
}

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** The contradictions between a write-off's reason and its denial, in a stable order (none: []). */
export function writeOffWarnings(f: WriteOffFacts): WriteOffWarning[] {
  const warnings: WriteOffWarning[] = [];
  const groups = new Set(f.groupCodes.map((g) => g.toUpperCase()));
  const limit = f.smallBalanceLimitCents ?? SMALL_BALANCE_LIMIT_CENTS;
  switch (f.reasonCode) {
    case 'timely_filing_missed':
      if (f.timelyFilingDate !== null && f.timelyFilingDate >= f.today) {
        const left = diffDays(f.timelyFilingDate, f.today);
        warnings.push({
          kind: 'timely_filing_open',
          message: `Timely filing is not missed: the payer's limit is ${f.timelyFilingDate} (${left === 0 ? 'today' : `${plural(left, 'day')} left`}).`,
        });
      }
      break;
    case 'small_balance':
      if (f.amountCents > limit) {
        warnings.push({ kind: 'small_balance_large', message: `${formatUsd(f.amountCents)} is not a small balance (the limit is ${formatUsd(limit)}).` });
      }
      break;
    case 'duplicate':
      if (!f.carcCodes.includes('18')) {
        warnings.push({ kind: 'duplicate_without_carc_18', message: 'Called a duplicate, but the payer did not deny it as one (no CARC 18).' });
      }
      break;
    case 'authorization_not_obtainable':
      if (f.category !== 'authorization_referral') {
        warnings.push({ kind: 'authorization_other_category', message: 'Called an authorization problem, but the denial is not in the authorization category.' });
      }
      break;
    case 'contractual':
      if (!groups.has('CO')) {
        warnings.push({ kind: 'contractual_without_co', message: 'Called contractual, but no adjustment on the claim has group code CO.' });
      }
      break;
    case 'non_covered_not_billable':
      if (groups.has('PR')) {
        warnings.push({ kind: 'non_covered_patient_responsibility', message: 'The payer assigned part of it to the patient (group code PR): it may be billable to the patient.' });
      }
      break;
  }
  if (f.appealsPending > 0) {
    warnings.push({ kind: 'appeal_pending', message: `${f.appealsPending === 1 ? 'An appeal is' : `${f.appealsPending} appeals are`} still with the payer, undecided.` });
  }
  return warnings;
}
