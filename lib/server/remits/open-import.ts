import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Actor } from '@/lib/domain/permissions';
import { type SystemActor, isSystemActor } from '../audit';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { checkOut, pool } from '../db';
import { type StoredFile, storeChunks } from './file-chunks';

// One file = one transaction on one pooled connection: every row of an import (file, payers, claims, denials,
// audit event) is written on it, so a failure anywhere rolls all of it back.

export interface ImportFile {
  filename: string;
  format: 'x12_835' | 'csv';
  /** The file's bytes as they arrive (an upload body, a file read stream) or whole (one piece). */
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Bytes per stored chunk (tests make it small to cut a small file into many). */
  chunkBytes?: number;
}

export interface OpenImport {
  client: pg.PoolClient;
  fileId: string;
  stored: StoredFile;
}

export interface ExistingImport {
  id: string;
  filename: string;
  importedAt: Date;
}

/**
 * Who may import: a user whose role has import_remits, or a trusted script on the server (the ingest CLI, the
 * seed). Every import operation asks this before it reads a byte.
 */
export function authorizeImport(actor: Actor | SystemActor): void {
  if (!isSystemActor(actor)) authorize(actor, 'import_remits', undefined, 'Your role does not include importing remittances.');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const FIND = 'SELECT id, filename, "importedAt" FROM remittance_file WHERE sha256 = $1';

/** The earlier import of these exact bytes, if any (a cheap check before any work; openImport decides). */
export async function findImport(sha256: string): Promise<ExistingImport | null> {
  return (await pool.query<ExistingImport>(FIND, [sha256])).rows[0] ?? null;
}

export function duplicateMessage(existing: ExistingImport): string {
  return `This exact file was already imported on ${existing.importedAt.toISOString().slice(0, 10)} as "${existing.filename}"; nothing was imported again.`;
}

/**
 * Begins the import's transaction, stores the file's bytes in chunks as they arrive (file-chunks.ts), then
 * claims the file by the SHA-256 known only now: a transaction-scoped advisory lock on it serialises concurrent
 * imports of the same bytes, so the second one waits, then sees the first one's row and is refused (rolling its
 * chunks back); the unique index on sha256 is the backstop. Returns the earlier import when there is one.
 * An empty file, or a source that fails (an upload cut off or too large), throws with nothing written.
 */
export async function openImport(file: ImportFile, actor: Actor | SystemActor): Promise<OpenImport | { existing: ExistingImport }> {
  const client = await checkOut();
  try {
    await client.query('BEGIN');
    const fileId = randomUUID();
    const stored = await storeChunks(client, fileId, file.source, file.chunkBytes);
    if (stored.sizeBytes === 0) throw new AppError('invalid_input', 'The file is empty: there is nothing to import.');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`remittance_file:${stored.sha256}`]);
    const existing = (await client.query<ExistingImport>(FIND, [stored.sha256])).rows[0];
    if (existing) {
      await closeImport(client, 'rollback');
      return { existing };
    }
    // The chunks' foreign key is checked at COMMIT (deferred), so the row can follow them.
    await client.query(
      `INSERT INTO remittance_file (id, filename, format, sha256, "sizeBytes", "importedById")
       VALUES ($1, $2, $3::"FileFormat", $4, $5, $6)`,
      [fileId, file.filename, file.format, stored.sha256, stored.sizeBytes, actor.id],
    );
    return { client, fileId, stored };
  } catch (error) {
    await closeImport(client, 'rollback');
    throw error;
  }
}

/** Commits or rolls back, and gives the connection back (destroyed if it could not even roll back). */
export async function closeImport(client: pg.PoolClient, how: 'commit' | 'rollback'): Promise<void> {
  try {
    await client.query(how === 'commit' ? 'COMMIT' : 'ROLLBACK');
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    if (how === 'commit') throw error;
  }
}
