import 'server-only';
import type pg from 'pg';
import type { WriteTotals } from './remit-writer';
import type { IngestIssue } from './types';

/** The file's summary row: counts for the import history, the warnings to show, and the review flag. */
export async function recordOutcome(client: pg.PoolClient, fileId: string, totals: WriteTotals, warnings: IngestIssue[], reason: string | null, rejectedRows: unknown[] = []): Promise<void> {
  await client.query(
    `UPDATE remittance_file SET "claimCount" = $2, "denialCount" = $3, "recoveryCount" = $4, warnings = $5,
            "needsReview" = $6, "reviewReason" = $7, "rejectedRows" = $8 WHERE id = $1`,
    [fileId, totals.claims, totals.denialsCreated, totals.recoveriesMatched, JSON.stringify(warnings), reason !== null, reason, JSON.stringify(rejectedRows)],
  );
}
