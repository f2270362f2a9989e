// The audit trail's monthly partitions (migration 20261207001000_audit_chain_partitions): made ahead of time, so
// events land in their month and not in DEFAULT. Run by every migration run (scripts/db/prepare-database.ts) and
// by the daily audit job; safe to run as the app's role (the SQL function is SECURITY DEFINER) and at once.
// No 'server-only': scripts call it.
import type pg from 'pg';

/** This month's partition and the next three's: a quarter's slack should the daily job stop running. */
export const AUDIT_PARTITION_MONTHS_AHEAD = 3;

/** Creates the missing partitions; returns how many it made. */
export async function ensureAuditPartitions(client: pg.ClientBase, monthsAhead = AUDIT_PARTITION_MONTHS_AHEAD): Promise<number> {
  const { rows } = await client.query<{ made: number }>('SELECT audit_event_ensure_partitions($1) AS made', [monthsAhead]);
  return rows[0]!.made;
}
