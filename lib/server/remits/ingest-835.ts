import 'server-only';
import type pg from 'pg';
import { balanceReviewReason, joinReviewReasons } from '@/lib/domain/import-review';
import type { Actor } from '@/lib/domain/permissions';
import { type SystemActor, audit } from '../audit';
import { todayIso } from '../clock';
import { IngestAssigner } from '../assignment/ingest-assigner';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import { loadCodeMapping } from '../codes/load-code-mapping';
import { db, pool } from '../db';
import { type ScoringContext, loadOutcomes } from '../scoring/scoring-context';
import { compactRollups } from '../metrics/compact-rollups';
import { type ExistingImport, type OpenImport, authorizeImport, closeImport, duplicateMessage, findImport, openImport, sha256Hex } from './open-import';
import { readChunks } from './file-chunks';
import { interchangeNumbers, read835Into } from './read-835-into';
import { recordFailedImport } from './record-failed-import';
import { recordOutcome } from './record-outcome';
import { RemitWriter } from './remit-writer';
import { repeatReason } from './review-reason';
import { type IngestProgress, type IngestResult, toIngestIssue } from './types';

export type { IngestIssue, IngestProgress, IngestResult } from './types';

export interface Ingest835Options {
  onProgress?: (p: IngestProgress) => void;
  /** Do everything an import does (so the counts are real), then roll it all back. */
  dryRun?: boolean;
  /** Bytes per stored chunk (file-chunks.ts); tests make it small to cut a small file into many. */
  chunkBytes?: number;
}

/**
 * A file whole (tests, the seed) or as it arrives (an upload body, a file read stream: any size). A stream's
 * SHA-256, when its caller could compute it first (the CLI reads the file twice rather than store a duplicate),
 * lets a duplicate be refused before anything is stored; the hash of the stored bytes still decides.
 */
export type Ingest835File = { filename: string; bytes: Uint8Array } | { filename: string; source: AsyncIterable<Uint8Array>; sha256?: string };

export function duplicateResult(existing: ExistingImport): Extract<IngestResult, { code: 'duplicate' }> {
  return { ok: false, code: 'duplicate', message: duplicateMessage(existing), existingFileId: existing.id, importedAt: existing.importedAt.toISOString() };
}

/**
 * Imports one X12 835 in one transaction: the raw bytes with their SHA-256, every claim with its lines,
 * adjustments and remarks, PLB adjustments, a scored denial per denied claim, recoveries and reversals on
 * earlier denials, and the audit event. A parse error or any failure writes nothing. The same bytes again are
 * refused with a pointer to the first import; a file that cannot be read is recorded as a failed import; new bytes repeating a trace or interchange number, or a file whose
 * money does not balance (lib/domain/import-review.ts), are imported and flagged for review.
 */
export async function ingest835(actor: Actor | SystemActor, file: Ingest835File, options: Ingest835Options = {}): Promise<IngestResult> {
  const stored = await store835(actor, file, options);
  return 'ok' in stored ? stored : process835(stored, options);
}

/** An 835 whose bytes are stored in its open transaction (store835), waiting to be read and written (process835). */
export interface Stored835 {
  actor: Actor | SystemActor;
  filename: string;
  opened: OpenImport;
  mapping: CodeMapping;
  outcomes: ScoringContext['outcomes'];
  assigner: IngestAssigner | null;
}

/**
 * The first half of ingest835: checks the permission, stores the bytes as they arrive and claims the file. The
 * upload route awaits it before it answers, so an upload refused on its way (too long, cut off, empty) is a 4xx
 * with nothing written, and the progress stream starts once the whole body is in. Returns the duplicate's result
 * instead when the bytes were imported before. Must be followed by process835, which closes the transaction.
 */
export async function store835(actor: Actor | SystemActor, file: Ingest835File, options: Pick<Ingest835Options, 'chunkBytes'> = {}): Promise<Stored835 | IngestResult> {
  authorizeImport(actor);
  // Whole bytes can be hashed up front, sparing the work below for a duplicate; a stream is known only once stored.
  const knownHash = 'bytes' in file ? sha256Hex(file.bytes) : file.sha256;
  if (knownHash) {
    const earlier = await findImport(knownHash);
    if (earlier) return duplicateResult(earlier);
  }
  // Read before the import's connection is taken: concurrent uploads waiting on the file lock hold
  // connections, and the one holding the lock must not need another.
  const mapping = await loadCodeMapping(pool);
  const outcomes = await loadOutcomes(db);
  const assigner = await IngestAssigner.load(pool);
  const source = 'bytes' in file ? [file.bytes] : file.source;
  const opened = await openImport({ filename: file.filename, format: 'x12_835', source, chunkBytes: options.chunkBytes }, actor);
  if ('existing' in opened) return duplicateResult(opened.existing);
  return { actor, filename: file.filename, opened, mapping, outcomes, assigner };
}

/** The second half of ingest835: reads the stored chunks into rows, commits (or rolls back), and says how it went. */
export async function process835(stored835: Stored835, options: Ingest835Options = {}): Promise<IngestResult> {
  const { actor, mapping, outcomes, assigner } = stored835;
  const file = { filename: stored835.filename };
  const { client, fileId, stored } = stored835.opened;
  const { sha256 } = stored;
  const writer = new RemitWriter({ client, fileId, actorId: actor.id, mapping, scoring: { today: todayIso(), rules: new Map(), outcomes }, assigner });
  // closeImport gives the connection back whatever happens: once called, the catch must not close it again.
  let closed = false;
  try {
    // Read back from the transaction's own chunks, in turn with the writer's statements on the connection.
    const chunks = readChunks((statement) => writer.run(statement), fileId);
    const { result, places, figures } = await read835Into(chunks, stored.sizeBytes, writer, options.onProgress);
    const warnings = result.warnings.map(toIngestIssue);
    if (!result.ok) {
      await writer.abandon();
      closed = true;
      await closeImport(client, 'rollback');
      const error = toIngestIssue(result.error);
      // Its own transaction, now that the import's rolled back: the history keeps the failure, not the file.
      if (!options.dryRun) await recordFailedImport(actor, { filename: file.filename, sizeBytes: stored.sizeBytes, kind: '835', error });
      return { ok: false, code: 'parse_error', message: `The file could not be read: ${error.message}`, error, warnings };
    }
    const claims = result.stats.claims;
    options.onProgress?.({ phase: 'classify', done: claims, total: claims });
    options.onProgress?.({ phase: 'write', done: writer.totals.claims - writer.pendingClaims, total: claims });
    const totals = await writer.finish();
    await assigner?.finish(client, actor.id, file.filename);
    const icn = interchangeNumbers(result, places);
    await setInterchangeNumbers(client, fileId, icn.remittanceIds, icn.numbers);
    // Either rule alone is enough; the stored reason says each that applies (docs/decisions/0015).
    const reason = joinReviewReasons(await repeatReason(client, fileId), balanceReviewReason(figures));
    await recordOutcome(client, fileId, totals, warnings, reason);
    await audit(actor, {
      action: 'remit.import',
      entityType: 'remittance_file',
      entityId: fileId,
      details: { filename: file.filename, sha256, format: 'x12_835', claims, denialsCreated: totals.denialsCreated, recoveriesMatched: totals.recoveriesMatched, reversalsApplied: totals.reversalsApplied, needsReview: reason !== null, dryRun: options.dryRun ?? false },
    }, client);
    closed = true;
    await closeImport(client, options.dryRun ? 'rollback' : 'commit');
    options.onProgress?.({ phase: 'done', done: claims, total: claims });
    if (!options.dryRun) await compactRollups();
    return {
      ok: true,
      fileId,
      filename: file.filename,
      claims,
      denialsCreated: totals.denialsCreated,
      recoveriesMatched: totals.recoveriesMatched,
      reversalsApplied: totals.reversalsApplied,
      warnings,
      needsReview: reason !== null,
      reviewReason: reason,
      unmappedCodes: totals.unmappedCodes,
    };
  } catch (error) {
    if (!closed) {
      await writer.abandon();
      await closeImport(client, 'rollback');
    }
    throw error;
  }
}

async function setInterchangeNumbers(client: pg.PoolClient, fileId: string, remittanceIds: string[], numbers: string[]): Promise<void> {
  if (remittanceIds.length === 0) return;
  await client.query(
    `UPDATE remittance r SET "interchangeControlNumber" = u.icn FROM unnest($1::uuid[], $2::text[]) AS u(id, icn) WHERE r.id = u.id`,
    [remittanceIds, numbers],
  );
  await client.query(`UPDATE remittance_file SET "interchangeControlNumbers" = $2 WHERE id = $1`, [fileId, [...new Set(numbers)]]);
}
