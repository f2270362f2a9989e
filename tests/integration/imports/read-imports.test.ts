import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { db, pool } from '@/lib/server/db';
import { IMPORTS_PAGE_SIZE, listImports } from '@/lib/server/imports/list-imports';
import { readRawFile } from '@/lib/server/imports/read-raw-file';
import { readRejectedRows } from '@/lib/server/imports/read-rejected-rows';
import { createPerson } from '../../support/denial-factory';

// These files have no importer (the ingest command's pool): any manager reaches them.
let actor: Actor;
const run = randomUUID().slice(0, 8);

async function file(name: string, importedAt: Date, extra: Partial<{ warnings: object[]; rejectedRows: object[]; format: 'x12_835' | 'csv' }> = {}) {
  const content = new TextEncoder().encode(`${run} ${name}`);
  return db.remittanceFile.create({
    data: {
      filename: name,
      format: extra.format ?? 'x12_835',
      sha256: createHash('sha256').update(content).digest('hex'),
      sizeBytes: content.byteLength,
      chunks: { create: { seq: 0, content } },
      importedAt,
      claimCount: 3,
      denialCount: 2,
      warnings: extra.warnings ?? [],
      rejectedRows: extra.rejectedRows ?? [],
    },
  });
}

const ids: string[] = [];
beforeAll(async () => {
  actor = await createPerson('manager');
  // Far in the future so these are the newest files whatever else the database holds; two share a timestamp.
  const base = Date.UTC(2999, 0, 1);
  for (let i = 0; i < IMPORTS_PAGE_SIZE + 2; i++) ids.push((await file(`f${i}.835`, new Date(base - Math.floor(i / 2) * 1000))).id);
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('import history', () => {
  it('pages newest first by (importedAt, id) without skipping or repeating a file that shares a timestamp', async () => {
    const first = await listImports(actor, {});
    expect(first.rows).toHaveLength(IMPORTS_PAGE_SIZE);
    expect(first.nextBefore).not.toBeNull();
    const second = await listImports(actor, { before: first.nextBefore! });
    const seen = [...first.rows, ...second.rows].map((r) => r.id).filter((id) => ids.includes(id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('shows one file on request, with its warnings (capped) and the rejected-row count, and records the read as PHI', async () => {
    const warnings = Array.from({ length: 150 }, (_, i) => ({ code: 'claim-imbalance', message: `segment ${i + 10} (CLP): off`, segmentIndex: i + 10, segmentId: 'CLP', element: null }));
    const f = await file(`warned-${run}.csv`, new Date(), { warnings, rejectedRows: [{ line: 3, reason: 'carc: required' }], format: 'csv' });
    const { rows } = await listImports(actor, { file: f.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ filename: `warned-${run}.csv`, format: 'csv', warningCount: 150, rejectedCount: 1, claimCount: 3, denialCount: 2 });
    const row = rows[0]!;
    if (row.outcome !== 'imported') throw new Error('expected an imported file');
    expect(row.warnings).toHaveLength(100);
    expect(row.warnings[0]).toEqual(warnings[0]);
    const event = await db.auditEvent.findFirst({ where: { action: 'imports.list', actorEmail: actor.email }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ phi: true, entityType: 'remittance_file' });
  });

  it('hands back the raw bytes and records each download as a PHI read of that file', async () => {
    const raw = await readRawFile(actor, ids[0]!);
    expect(await new Response(raw.content).text()).toBe(`${run} f0.835`);
    expect(raw).toMatchObject({ filename: 'f0.835', format: 'x12_835' });
    const events = await db.auditEvent.findMany({ where: { action: 'imports.raw_download', entityId: ids[0] } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ phi: true, actorEmail: actor.email, ip: '127.0.0.1' });
  });

  it('refuses an unknown file with not_found and audits nothing', async () => {
    const missing = randomUUID();
    await expect(readRawFile(actor, missing)).rejects.toMatchObject({ code: 'not_found' });
    await expect(readRejectedRows(actor, missing)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.auditEvent.count({ where: { entityId: missing } })).toBe(0);
  });
});
