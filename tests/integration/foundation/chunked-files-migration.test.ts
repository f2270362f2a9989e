import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../support/test-database';

// Migration 20261207002000 moves every stored file from remittance_file.content into 4 MiB chunks before it
// drops the column: run here on the two tables it touches, in the shape they had before it, with a file that
// spans three chunks (its last one short), one of exactly one chunk, and an empty one.
const MIGRATION = readFileSync(path.resolve(import.meta.dirname, '../../../prisma/migrations/20261207002000_remittance_file_chunks/migration.sql'), 'utf8');
const MiB = 1024 * 1024;

describe('the chunked-files migration', () => {
  it('moves each stored file into chunks that join back to the same bytes, and widens the sizes', async () => {
    const adminUrl = withDatabase(inject('databaseUrl'), 'postgres');
    const scratch = `overturn_ingest_chunks_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratch}"`);
    const client = new pg.Client({ connectionString: withDatabase(adminUrl, scratch) });
    try {
      await client.connect();
      await client.query(`
        CREATE TABLE remittance_file (id UUID PRIMARY KEY, "sizeBytes" INTEGER NOT NULL, content BYTEA NOT NULL);
        CREATE TABLE failed_import (id UUID PRIMARY KEY, "sizeBytes" INTEGER NOT NULL);`);
      const files = [randomBytes(9 * MiB + 123), randomBytes(4 * MiB), Buffer.alloc(0)].map((bytes) => ({ id: randomUUID(), bytes }));
      for (const f of files) await client.query('INSERT INTO remittance_file VALUES ($1, $2, $3)', [f.id, f.bytes.length, f.bytes]);

      await client.query(MIGRATION);

      const chunks = await client.query<{ fileId: string; n: number; sha: string | null }>(
        `SELECT f.id AS "fileId", count(c.seq)::int AS n, encode(sha256(string_agg(c.content, ''::bytea ORDER BY c.seq)), 'hex') AS sha
         FROM remittance_file f LEFT JOIN remittance_file_chunk c ON c."fileId" = f.id GROUP BY f.id`,
      );
      const byId = new Map(chunks.rows.map((r) => [r.fileId, r]));
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      expect(byId.get(files[0]!.id)).toMatchObject({ n: 3, sha: sha(files[0]!.bytes) });
      expect(byId.get(files[1]!.id)).toMatchObject({ n: 1, sha: sha(files[1]!.bytes) });
      expect(byId.get(files[2]!.id)).toMatchObject({ n: 0, sha: null });
      const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_name IN ('remittance_file', 'failed_import') ORDER BY table_name, column_name`,
      );
      expect(columns.rows.map((c) => `${c.table_name}.${c.column_name} ${c.data_type}`)).toEqual([
        'failed_import.id uuid', 'failed_import.sizeBytes bigint', 'remittance_file.id uuid', 'remittance_file.sizeBytes bigint',
      ]);
      // Deleting a file deletes its chunks (the foreign key, deferred for imports, still cascades).
      await client.query('DELETE FROM remittance_file WHERE id = $1', [files[0]!.id]);
      expect((await client.query('SELECT 1 FROM remittance_file_chunk WHERE "fileId" = $1', [files[0]!.id])).rowCount).toBe(0);
    } finally {
      await client.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
