// A million-row export streams: rows generated in the database (generate_series), the download consumed as a
// browser would, and the process's memory sampled on the way — it must stay bounded, not grow with the rows.
// A database of its own (claims are append-only, so a million of them could not be removed from the shared one).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { db, pool } from '@/lib/server/db';
import { exportQueue } from '@/lib/server/export/export-queue';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const database = await vi.hoisted(async () => {
  const { createTestDatabase } = await import('../../support/test-database');
  const created = await createTestDatabase('overturn_export_1m');
  // Before lib/server/db is imported (vitest runs hoisted code first): its pool connects here.
  process.env.DATABASE_URL = created.url;
  return created;
});

const ROWS = 1_000_000;
/**
 * Growth of the resident set above where it started. Streaming alone settles at ~135 MB (the heap and the pool
 * warming up, flat after ~300k rows); holding the ~150 MB of text on top of that would pass 256 MB. The plateau
 * bound below is the sharper check: it catches growth proportional to the rows however small the file.
 */
const RSS_BOUND = 256 * 1024 * 1024;
/** Growth from 200k rows to the end: seen at under 10 MB; a leak of even 100 bytes a row would be 80 MB. */
const PLATEAU_BOUND = 64 * 1024 * 1024;
const TODAY = '2026-11-20';
let payer: string;
let manager: Actor;

beforeAll(async () => {
  const team = (await createTeam()).id;
  manager = await createPerson('manager', team);
  payer = (await createPayer('commercial', 'Million Payer (test)')).id;
  // One factory denial gives the payer its remittance; the rest are its claims' and denials' copies in SQL.
  await createDenial({ payerId: payer, teamId: team });
  const { remittanceId } = await db.claim.findFirstOrThrow({ where: { payerId: payer }, select: { remittanceId: true } });
  await pool.query(
    `INSERT INTO claim (id, "remittanceId", "payerId", "patientControlNumber", "payerClaimNumber", "statusCode", "billedCents", "paidCents", "isDenial", "deniedCents")
     SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, $1, $2, 'MPCN' || g, 'MPCN' || g || 'X', '4', 2000 + g, 0, true, 1000 + g
     FROM generate_series(1, $3::int) g`,
    [remittanceId, payer, ROWS - 1],
  );
  await pool.query(
    `INSERT INTO denial (id, "claimId", "payerId", status, "teamId", "patientName", "patientControlNumber", "payerClaimNumber", "deniedCents",
                         category, department, avoidable, "carcCodes", "rarcCodes", "deadlineDate", score, "openedAt", "updatedAt")
     SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, $1, 'new', $2,
            CASE WHEN g % 1000 = 0 THEN '=1+' || g ELSE 'Doe, Jane ' || g END, 'MPCN' || g, 'MPCN' || g || 'X', 1000 + g,
            'medical_necessity', 'clinical', false, ARRAY['50'], ARRAY['N115'], DATE '2026-12-01' + (g % 90), (g % 100000)::float8, now(), now()
     FROM generate_series(1, $3::int) g`,
    [payer, team, ROWS - 1],
  );
  await pool.query('ANALYZE denial');
}, 600_000);

afterAll(async () => {
  await pool.end();
  await database.drop();
}, 120_000);

describe('a million-row export', () => {
  it(
    'streams every row in bounded memory',
    async () => {
      globalThis.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const response = await exportQueue(manager, queueParamsSchema.parse({ view: 'team', payer }), TODAY);
      const reader = response.body!.getReader();
      let lines = 0;
      let neutralised = 0;
      let chunks = 0;
      // RSS every 100k rows: a plateau, not a slope, is what streaming looks like.
      const samples: { rows: number; rss: number }[] = [];
      let nextSample = ROWS / 10;
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
        for (let i = text.indexOf(`,'=1+`); i !== -1; i = text.indexOf(`,'=1+`, i + 1)) neutralised++;
        if (++chunks % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        if (lines >= nextSample) {
          samples.push({ rows: nextSample, rss: process.memoryUsage().rss });
          nextSample += ROWS / 10;
        }
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(`exported ${lines - 1} rows; RSS ${Math.round(before / 2 ** 20)} MB → peak ${Math.round(peak / 2 ** 20)} MB; ${samples.map((x) => `${x.rows / 1000}k: ${Math.round(x.rss / 2 ** 20)} MB`).join(', ')}`);
      expect(lines - 1).toBe(ROWS);
      expect(neutralised).toBe(Math.floor((ROWS - 1) / 1000));
      expect(peak - before).toBeLessThan(RSS_BOUND);
      // After the first fifth (the heap settling to its working size) it stays flat: 800k more rows, no more memory.
      expect(samples.at(-1)!.rss - samples[1]!.rss).toBeLessThan(PLATEAU_BOUND);
      const done = await db.auditEvent.findFirst({ where: { actorId: manager.id, action: 'export.completed' }, orderBy: { id: 'desc' } });
      expect(done?.details).toMatchObject({ list: 'queue', rows: ROWS });
    },
    900_000,
  );
});
