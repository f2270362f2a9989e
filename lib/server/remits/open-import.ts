import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Actor } from '@/lib/domain/permissions';
import { type SystemActor, isSystemActor } from '../audit';
import { authorize } from '../authorize';
import { checkOut, pool } from '../db';

// One file = one transaction on one pooled connection: every row of an import (file, payers, claims, denials,
// audit event) is written on it, so a failure anywhere rolls all of it back.

export interface ImportFile {
  filename: string;
  format: 'x12_835' | 'csv';
  bytes: Uint8Array;
  sha256: string;
}

export interface OpenImport {
  client: pg.PoolClient;
  fileId: string;
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
 * Begins the import's transaction and claims the file: a transaction-scoped advisory lock on its SHA-256
 * serialises concurrent uploads of the same bytes, so the second one waits, then sees the first one's row and
 * is refused; the unique index on sha256 is the backstop. Returns the earlier import when there is one.
 */
export async function openImport(file: ImportFile, actor: Actor | SystemActor): Promise<OpenImport | { existing: ExistingImport }> {
  const client = await checkOut();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`remittance_file:${file.sha256}`]);
    const existing = (await client.query<ExistingImport>(FIND, [file.sha256])).rows[0];
    if (existing) {
      await closeImport(client, 'rollback');
      return { existing };
    }
    const fileId = randomUUID();
    // A Buffer parameter travels in binary: the raw file is stored byte for byte without a hex copy of it.
    const content = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    await client.query(
      `INSERT INTO remittance_file (id, filename, format, sha256, "sizeBytes", content, "importedById")
       VALUES ($1, $2, $3::"FileFormat", $4, $5, $6, $7)`,
      [fileId, file.filename, file.format, file.sha256, file.bytes.byteLength, content, actor.id],
    );
    return { client, fileId };
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
