// `npm run ingest`: an 835 is streamed from disk into stored chunks (any size, bounded memory), hashed first so
// a file imported before is skipped without being stored again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '@/lib/server/remits/open-import';
import { importAll } from '../../../scripts/ingest/run-imports';
import { count, deniedClaim, paidClaim, remit, transaction, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

const dir = mkdtempSync(path.join(os.tmpdir(), 'overturn-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runCli(file: string): Promise<{ ok: boolean; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>));
  try {
    const ok = await importAll([file], { dryRun: false, json: true, source: null, as: null, inputs: [file] });
    return { ok, lines };
  } finally {
    log.mockRestore();
  }
}

describe('the ingest command', () => {
  it('streams an 835 from disk into chunks, then skips the same file as a duplicate without storing it again', async () => {
    const payer = unique('CLI');
    const bytes = remit([transaction(payer, Array.from({ length: 300 }, (_, i) => (i % 2 ? deniedClaim(`${payer}-${i}`, `${payer}C${i}`, 1000) : paidClaim(`${payer}-${i}`, `${payer}C${i}`, 1000, 900))))]);
    const file = path.join(dir, `${payer}.835`);
    writeFileSync(file, bytes);

    const first = await runCli(file);
    expect(first.ok).toBe(true);
    expect(first.lines[0]).toMatchObject({ ok: true, claims: 300, denialsCreated: 150 });
    const fileId = first.lines[0]!.fileId as string;
    expect(await count('remittance_file', 'id = $1 AND sha256 = $2 AND "sizeBytes" = $3', [fileId, sha256Hex(bytes), bytes.length])).toBe(1);
    expect(await count('remittance_file_chunk', '"fileId" = $1', [fileId])).toBe(1);

    const chunksBefore = await count('remittance_file_chunk');
    const again = await runCli(file);
    expect(again.ok).toBe(true); // a duplicate is skipped, not a failure
    expect(again.lines[0]).toMatchObject({ ok: false, code: 'duplicate', existingFileId: fileId });
    expect(await count('remittance_file_chunk')).toBe(chunksBefore);
  });

  it('reports a missing file as failed and writes nothing', async () => {
    const before = await count('remittance_file');
    const missing = await runCli(path.join(dir, 'missing.835'));
    expect(missing.ok).toBe(false);
    expect(missing.lines[0]).toMatchObject({ ok: false, code: 'error', message: expect.stringContaining('no such file') });
    expect(await count('remittance_file')).toBe(before);
  });
});
