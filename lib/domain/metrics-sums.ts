// The additive parts every metric is finished from (metrics-finish.ts). PostgreSQL returns exactly these sums per
// group (lib/server/metrics/dashboard-sql.ts); sumDenials() computes the same sums over rows in memory. A rate is
// never summed: it is always finished from its parts, so a breakdown, a total and a prior period agree.
import { type IsoDate, diffDays } from './dates';
import { type DenialStatus, isOpen } from './lifecycle';

/** One denial work item, as the metrics read it. */
export interface DenialRow {
  payerId: string;
  category: string;
  department: string;
  /** Every CARC the denial carries: a denial with several counts under each in the by-CARC breakdown. */
  carcCodes: readonly string[];
  location: string | null;
  provider: string | null;
  /** The appeal level it reached; null when never appealed. */
  appealLevel: string | null;
  avoidable: boolean;
  deniedCents: number;
  /** Net of reversals: a payment taken back lowers it. */
  recoveredCents: number;
  status: DenialStatus;
  firstDeniedOn: IsoDate;
  /** When it was resolved (paid, partially paid or written off); null while open (a reopened denial is open). */
  resolvedOn: IsoDate | null;
}

/** An inclusive range of calendar days. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export const inPeriod = (date: IsoDate, period: Period | null) => period === null || (date >= period.from && date <= period.to);

/**
 * Sums over denials. "Opened" parts count denials first denied in the period; "resolved" parts count denials
 * closed in the period (a denial opened in March and paid in May is a May resolution).
 */
export interface DenialSums {
  opened: number;
  openedCents: number;
  avoidable: number;
  avoidableCents: number;
  resolved: number;
  resolvedCents: number;
  /** Resolved with any money back (the overturn numerator). */
  recovered: number;
  recoveredCents: number;
  /** Σ days from first denial to resolution, over the resolved. */
  resolutionDays: number;
  writtenOff: number;
  /** What was given up: denied less anything recovered, over written-off denials. */
  writeOffCents: number;
  avoidableWriteOffCents: number;
}

export const EMPTY_DENIAL_SUMS: DenialSums = {
  opened: 0,
  openedCents: 0,
  avoidable: 0,
  avoidableCents: 0,
  resolved: 0,
  resolvedCents: 0,
  recovered: 0,
  recoveredCents: 0,
  resolutionDays: 0,
  writtenOff: 0,
  writeOffCents: 0,
  avoidableWriteOffCents: 0,
};

const outstanding = (d: Pick<DenialRow, 'deniedCents' | 'recoveredCents'>) => Math.max(0, d.deniedCents - d.recoveredCents);

/** Whether a row counts as resolved in the period: closed, with its resolution date inside. */
export const resolvedIn = (d: DenialRow, period: Period | null) => !isOpen(d.status) && d.resolvedOn !== null && inPeriod(d.resolvedOn, period);

/** The sums over rows; `period` null = every row. */
export function sumDenials(rows: readonly DenialRow[], period: Period | null = null): DenialSums {
  const s = { ...EMPTY_DENIAL_SUMS };
  for (const d of rows) {
    if (inPeriod(d.firstDeniedOn, period)) {
      s.opened += 1;
      s.openedCents += d.deniedCents;
      if (d.avoidable) {
        s.avoidable += 1;
        s.avoidableCents += d.deniedCents;
      }
    }
    if (resolvedIn(d, period)) {
      s.resolved += 1;
      s.resolvedCents += d.deniedCents;
      s.recoveredCents += d.recoveredCents;
      if (d.recoveredCents > 0) s.recovered += 1;
      s.resolutionDays += diffDays(d.resolvedOn as IsoDate, d.firstDeniedOn);
      if (d.status === 'written_off') {
        s.writtenOff += 1;
        s.writeOffCents += outstanding(d);
        if (d.avoidable) s.avoidableWriteOffCents += outstanding(d);
      }
    }
  }
  return s;
}

/** Every claim of every 835, paid or not: the denial-rate denominator. */
export interface AdjudicatedClaimRow {
  billedCents: number;
  /** The payer's first decision on this claim — not a reversal (CLP02 22). */
  firstAdjudication: boolean;
  isDenial: boolean;
  deniedCents: number;
}

export interface ClaimSums {
  adjudicated: number;
  billedCents: number;
  denied: number;
  deniedCents: number;
}

export function sumClaims(claims: readonly AdjudicatedClaimRow[]): ClaimSums {
  const s: ClaimSums = { adjudicated: 0, billedCents: 0, denied: 0, deniedCents: 0 };
  for (const c of claims) {
    if (!c.firstAdjudication) continue;
    s.adjudicated += 1;
    s.billedCents += c.billedCents;
    if (c.isDenial) {
      s.denied += 1;
      s.deniedCents += c.deniedCents;
    }
  }
  return s;
}

/** Open work as of a day: how many and what is still outstanding. */
export interface OpenSums {
  open: number;
  openCents: number;
}

export function sumOpen(rows: readonly DenialRow[]): OpenSums {
  const s: OpenSums = { open: 0, openCents: 0 };
  for (const d of rows) {
    if (!isOpen(d.status)) continue;
    s.open += 1;
    s.openCents += outstanding(d);
  }
  return s;
}

/** One specialist's work in a period: denials touched, resolved (owned when closed), and recovered on those. */
export interface WorkSums {
  worked: number;
  resolved: number;
  recoveredCents: number;
}
