import 'server-only';
import { log } from '../log';
import { pool } from '../db';

/**
 * Folds the writers' pending deltas into the dashboard's rollups (dashboard_rollup_compact, decision 0031) right
 * after a large write — an import — so the first manager to open the dashboard afterwards does not pay for
 * folding a whole file's deltas in. Best effort: the write has committed already, and a failure here only leaves
 * the deltas to the next count (which folds them in anyway), so it is logged, never thrown.
 */
export async function compactRollups(): Promise<void> {
  try {
    await pool.query('SELECT dashboard_rollup_compact()');
  } catch (error) {
    log.warn('rollup compaction', { error });
  }
}
