import 'server-only';
import type { IngestIssue } from '@/lib/domain/contracts/imports';
import type { Actor } from '@/lib/domain/permissions';
import { type SystemActor, audit } from '../audit';
import { db } from '../db';
import { newId } from './new-id';

export interface ImportFailure {
  filename: string;
  sizeBytes: number;
  kind: '835' | 'csv';
  /** The reason, with its position (segment index, id, element) when the problem has one. */
  error: IngestIssue;
}

/**
 * Leaves a trace of an upload refused for its content: one failed_import row and its audit event, in their own
 * transaction, after the import's transaction rolled back (so nothing of the file itself is kept — no claim, no
 * bytes). The message is the reader's or the mapping check's, whose quoted values are already escaped
 * (x12/issues.ts `quote`), and the file name passed the upload's plain-text check.
 */
export async function recordFailedImport(actor: Actor | SystemActor, failure: ImportFailure): Promise<string> {
  const id = newId();
  const { error } = failure;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO failed_import (id, "uploadedById", filename, "sizeBytes", kind, error, "segmentIndex", "segmentId", element)
      VALUES (${id}::uuid, ${actor.id}::uuid, ${failure.filename}, ${failure.sizeBytes}, ${failure.kind}, ${error.message},
              ${error.segmentIndex}, ${error.segmentId}, ${error.element})`;
    await audit(actor, {
      action: 'remit.import_failed',
      entityType: 'failed_import',
      entityId: id,
      details: { filename: failure.filename, sizeBytes: failure.sizeBytes, kind: failure.kind, code: error.code, segmentIndex: error.segmentIndex, segmentId: error.segmentId, element: error.element },
    }, tx);
  });
  return id;
}
