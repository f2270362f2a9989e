// The dashboard rollups and worked-per-person summary (with their deltas and marks folded in) against a rebuild from scratch (rebuild_dashboard_rollup, decision 0031), without
// changing them: inside one transaction that locks out writers, the maintained rows are copied aside, rebuilt,
// compared, and the transaction (with the copies) rolled back. Rows whose sums are all zero (left by the triggers when a group
// empties) count as absent.
import type pg from 'pg';

const DENIAL_MEASURES =
  'opened, opened_cents, avoidable, avoidable_cents, open, open_cents, resolved, resolved_cents, recovered, recovered_cents, resolution_days, written_off, write_off_cents, avoidable_write_off_cents';
const CLAIM_MEASURES = 'adjudicated, billed_cents, denied, denied_cents';

const live = (measures: string) => measures.split(', ').map((m) => `${m} <> 0`).join(' OR ');

/** Rows that differ between the maintained rollups and a rebuild ('maintained' or 'rebuilt' says which side has them). */
export async function rollupDiff(client: pg.ClientBase, options: { inTransaction?: boolean } = {}): Promise<{ side: string; table: string; row: Record<string, unknown> }[]> {
  // Within a caller's transaction (to see its uncommitted writes), a savepoint stands in for the transaction.
  await client.query(options.inTransaction ? 'SAVEPOINT rollup_diff' : 'BEGIN');
  try {
    await client.query('LOCK TABLE denial, claim IN SHARE MODE');
    // The writers' deltas folded in first: maintained = rollup + deltas.
    await client.query('SELECT dashboard_rollup_compact()');
    await client.query(`CREATE TEMP TABLE kept_denial AS SELECT scope, dim, monthly, day, val, ${DENIAL_MEASURES} FROM dashboard_rollup WHERE ${live(DENIAL_MEASURES)}`);
    await client.query(`CREATE TEMP TABLE kept_claim AS SELECT scope, day, ${CLAIM_MEASURES} FROM claim_rollup WHERE ${live(CLAIM_MEASURES)}`);
    // Worked per person (decision 0038): the summary's rows and the days it is folded from.
    await client.query(`CREATE TEMP TABLE kept_work AS SELECT scope, day, actor_id, days, gaps FROM work_rollup WHERE days <> 0`);
    await client.query(`CREATE TEMP TABLE kept_work_day AS SELECT denial_id, actor_id, day, gap FROM work_day`);
    await client.query(`CREATE TEMP TABLE kept_work_scope AS SELECT denial_id, scopes FROM work_scope WHERE denial_id IN (SELECT denial_id FROM work_day)`);
    await client.query('SELECT rebuild_dashboard_rollup()');
    const diff = async (table: string, kept: string, columns: string, where: string) => {
      const now = `SELECT ${columns} FROM ${table} WHERE ${where}`;
      const { rows } = await client.query<Record<string, unknown>>(
        `(SELECT 'maintained' AS side, * FROM (SELECT * FROM ${kept} EXCEPT ${now}) a)
         UNION ALL (SELECT 'rebuilt', * FROM (${now} EXCEPT SELECT * FROM ${kept}) b)`,
      );
      return rows.map(({ side, ...row }) => ({ side: String(side), table, row }));
    };
    return [
      ...(await diff('dashboard_rollup', 'kept_denial', `scope, dim, monthly, day, val, ${DENIAL_MEASURES}`, live(DENIAL_MEASURES))),
      ...(await diff('claim_rollup', 'kept_claim', `scope, day, ${CLAIM_MEASURES}`, live(CLAIM_MEASURES))),
      ...(await diff('work_rollup', 'kept_work', 'scope, day, actor_id, days, gaps', 'days <> 0')),
      ...(await diff('work_day', 'kept_work_day', 'denial_id, actor_id, day, gap', 'TRUE')),
      ...(await diff('work_scope', 'kept_work_scope', 'denial_id, scopes', 'TRUE')),
    ];
  } finally {
    await client.query(options.inTransaction ? 'ROLLBACK TO SAVEPOINT rollup_diff' : 'ROLLBACK');
  }
}
