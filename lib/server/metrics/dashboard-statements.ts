import 'server-only';
import type { DashboardFilters } from '@/lib/domain/contracts/dashboard';
import type { IsoDate } from '@/lib/domain/dates';
import type { Period } from '@/lib/domain/metrics';
import type { Actor } from '@/lib/domain/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { carcSumsSql, claimSumsSql, denialSumsSql, openSumsSql, resolvedByOwnerSql, workedSumsSql } from './dashboard-sql';
import { carcSumsRollupSql, claimSumsRollupSql, denialSumsRollupSql, openSumsRollupSql, resolvedByOwnerRollupSql, rollupScope, workedRollupSql } from './rollup-sql';

export interface DashboardStatements {
  /** The sums' statements (over the rollup, one per chart; over denial, one), their rows concatenated. */
  sums: Prisma.Sql[];
  carcs: Prisma.Sql;
  open: Prisma.Sql;
  /** null where claims are not read (a team filter, or a reach narrower than the organisation). */
  claims: Prisma.Sql | null;
  worked: Prisma.Sql;
  resolvedBy: Prisma.Sql;
  /** Which of them read the rollups (decision 0031) rather than denial and claim. */
  fromRollup: { denials: boolean; claims: boolean };
}

/**
 * The dashboard's statements for one question: over the rollups where they hold the question's scope (and
 * `rollupUsable`: their days are the server's), otherwise over denial and claim — the same rows either way.
 * Work per person reads work_rollup (decision 0038): distinct denials per person and period, which do not add up by
 * day, counted from each day's gaps.
 */
export function dashboardStatements(
  actor: Actor,
  filters: DashboardFilters,
  period: Period,
  prior: Period,
  today: IsoDate,
  options: { readClaims: boolean; rollupUsable: boolean },
): DashboardStatements {
  const scope = options.rollupUsable ? rollupScope(actor, filters) : null;
  const claimRollup = options.rollupUsable && options.readClaims ? claimSumsRollupSql(filters, period, prior) : null;
  return {
    sums: scope ? denialSumsRollupSql(scope, period, prior) : [denialSumsSql(actor, filters, period, prior, today)],
    carcs: scope ? carcSumsRollupSql(scope, period, prior) : carcSumsSql(actor, filters, period, prior, today),
    open: scope ? openSumsRollupSql(scope, today) : openSumsSql(actor, filters, today),
    claims: options.readClaims ? (claimRollup ?? claimSumsSql(filters, period, prior)) : null,
    worked: scope ? workedRollupSql(scope, period, prior) : workedSumsSql(actor, filters, period, prior, today),
    resolvedBy: scope ? resolvedByOwnerRollupSql(scope, period, prior) : resolvedByOwnerSql(actor, filters, period, prior, today),
    fromRollup: { denials: scope !== null, claims: claimRollup !== null },
  };
}
