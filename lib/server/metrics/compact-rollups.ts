import 'server-only';
import { log } from '../log';
import { pool } from '../db';

/**
 * Folds the writers' pending deltas into the dashboard's rollups (dashboard_rollup_compact, decision 0031): before
 * the dashboard counts, and right after a large write — an import — so the first manager to open the dashboard
 * afterwards does not pay for folding a whole file's deltas in. Best effort: readers add the deltas still pending
 * in their own snapshot, so a compaction that fails (or finds another one running) changes no number; it is
 * logged, never thrown.
 */
export async function compactRollups(): Promise<void> {
  try {
    await pool.query('SELECT dashboard_rollup_compact()');
  } catch (error) {
    log.warn('rollup compaction', { error });
  }
}
