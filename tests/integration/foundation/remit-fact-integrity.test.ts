// The checks and guards that stand in for the foreign keys between claims, lines, adjustments and remarks
// (prisma/migrations/*_remit_fact_checks, docs/decisions/0003-remit-fact-integrity.md), and between a denial, its
// claim and payer, and its timeline (*_denial_link_checks, docs/decisions/0004-denial-link-checks.md). Every attempt runs in a
// transaction that is rolled back, so a guard that failed could not damage the shared test database.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { CopyRows } from '@/lib/server/remits/copy-rows';
import { createDetailedDenial, createPayer } from '../../support/denial-factory';

interface Claimed {
  denialId: string;
  claimId: string;
  lineId: string;
  remittanceId: string;
  payerId: string;
}

let a: Claimed;
let b: Claimed;

async function detailedClaim(): Promise<Claimed> {
  const payerId = (await createPayer()).id;
  const denialId = await createDetailedDenial({ payerId });
  const { claimId } = await db.denial.findUniqueOrThrow({ where: { id: denialId }, select: { claimId: true } });
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
  const line = await db.serviceLine.findFirstOrThrow({ where: { claimId } });
  return { denialId, claimId, lineId: line.id, remittanceId: claim.remittanceId, payerId };
}

/** Runs `work` in a transaction that is always rolled back; resolves to the error it raised, if any. */
async function attempt(work: (client: pg.PoolClient) => Promise<unknown>): Promise<(Error & Partial<pg.DatabaseError>) | undefined> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    return undefined;
  } catch (error) {
    return error as Error & Partial<pg.DatabaseError>;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

const run = (sql: string, params: unknown[] = []) => attempt((client) => client.query(sql, params));

beforeAll(async () => {
  a = await detailedClaim();
  b = await detailedClaim();
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('remittance facts without row-level foreign keys', () => {
  it('refuses a line, adjustment or remark whose claim does not exist, as a foreign key would (23503)', async () => {
    const ghost = randomUUID();
    const line = await run(`INSERT INTO service_line (id, "claimId", "lineNumber", "billedCents", "paidCents") VALUES ($1, $2, 1, 0, 0)`, [randomUUID(), ghost]);
    expect(line).toMatchObject({ code: '23503', table: 'service_line', column: '"claimId"', constraint: 'service_line_parents_exist' });
    expect(line?.detail).toBe(`Key ("claimId")=(${ghost}) is not present in table "claim".`);
    const adjustment = await run(
      `INSERT INTO adjustment (id, "claimId", "groupCode", "reasonCode", "amountCents", kind) VALUES ($1, $2, 'CO', '45', 100, 'expected_adjustment')`,
      [randomUUID(), ghost],
    );
    expect(adjustment).toMatchObject({ code: '23503', table: 'adjustment', constraint: 'adjustment_parents_exist' });
    const remark = await run(`INSERT INTO claim_remark (id, "claimId", code, source) VALUES ($1, $2, 'M127', 'MOA')`, [randomUUID(), ghost]);
    expect(remark).toMatchObject({ code: '23503', table: 'claim_remark' });
  });

  it('refuses a line-level adjustment or remark whose line is missing or belongs to another claim', async () => {
    const otherClaimsLine = await run(
      `INSERT INTO adjustment (id, "claimId", "serviceLineId", "groupCode", "reasonCode", "amountCents", kind) VALUES ($1, $2, $3, 'CO', '45', 100, 'expected_adjustment')`,
      [randomUUID(), a.claimId, b.lineId],
    );
    expect(otherClaimsLine).toMatchObject({ code: '23503', column: '"serviceLineId", "claimId"' });
    const missingLine = await run(`INSERT INTO claim_remark (id, "claimId", "serviceLineId", code, source) VALUES ($1, $2, $3, 'N115', 'LQ')`, [randomUUID(), a.claimId, randomUUID()]);
    expect(missingLine).toMatchObject({ code: '23503', table: 'claim_remark' });
  });

  it('refuses a claim whose remittance is missing or from another payer', async () => {
    const insertClaim = (remittanceId: string, payerId: string) =>
      run(`INSERT INTO claim (id, "remittanceId", "payerId", "patientControlNumber", "statusCode", "billedCents", "paidCents") VALUES ($1, $2, $3, 'PCN', '4', 0, 0)`, [randomUUID(), remittanceId, payerId]);
    expect(await insertClaim(randomUUID(), a.payerId)).toMatchObject({ code: '23503', table: 'claim', constraint: 'claim_parents_exist' });
    expect(await insertClaim(a.remittanceId, b.payerId)).toMatchObject({ code: '23503', table: 'claim' });
    expect(await insertClaim(a.remittanceId, a.payerId)).toBeUndefined();
  });

  it('checks a whole COPY at once: one orphan among good rows refuses the statement and nothing is written', async () => {
    const before = await db.adjustment.count({ where: { claimId: a.claimId } });
    const error = await attempt(async (client) => {
      const rows = new CopyRows('adjustment', ['=id', '=claimId', '=serviceLineId', 'groupCode', 'reasonCode', 'amountCents', '=kind']);
      for (let i = 0; i < 500; i++) rows.add([randomUUID(), a.claimId, i % 2 ? a.lineId : null, 'CO', '45', 100, 'expected_adjustment']);
      rows.add([randomUUID(), randomUUID(), null, 'CO', '45', 100, 'expected_adjustment']);
      await rows.copy(client);
    });
    expect(error).toMatchObject({ code: '23503', table: 'adjustment' });
    expect(await db.adjustment.count({ where: { claimId: a.claimId } })).toBe(before);
  });

  it('refuses to delete or truncate a claim, line or remittance, or to change a link column (23001)', async () => {
    const attempts: [string, unknown[]][] = [
      [`DELETE FROM claim WHERE id = $1`, [a.claimId]],
      [`TRUNCATE claim CASCADE`, []],
      [`UPDATE claim SET id = $2 WHERE id = $1`, [a.claimId, randomUUID()]],
      [`UPDATE claim SET "remittanceId" = $2 WHERE id = $1`, [a.claimId, b.remittanceId]],
      [`DELETE FROM service_line WHERE id = $1`, [a.lineId]],
      [`TRUNCATE service_line`, []],
      [`UPDATE service_line SET "claimId" = $2 WHERE id = $1`, [a.lineId, b.claimId]],
      [`UPDATE adjustment SET "serviceLineId" = NULL WHERE "serviceLineId" = $1`, [a.lineId]],
      [`UPDATE claim_remark SET "claimId" = $2 WHERE "claimId" = $1`, [a.claimId, b.claimId]],
      [`DELETE FROM remittance WHERE id = $1`, [a.remittanceId]],
      [`UPDATE remittance SET "payerId" = $2 WHERE id = $1`, [a.remittanceId, b.payerId]],
    ];
    for (const [sql, params] of attempts) {
      expect(await run(sql, params), sql).toMatchObject({ code: '23001', message: expect.stringMatching(/remittance facts/) });
    }
    expect(await db.claim.count({ where: { id: a.claimId } })).toBe(1);
  });

  it('still lets other columns change (the demo seed back-dates claims)', async () => {
    expect(await run(`UPDATE claim SET "createdAt" = '2025-01-01' WHERE id = $1`, [a.claimId])).toBeUndefined();
    expect(await run(`UPDATE remittance SET "interchangeControlNumber" = '000000001' WHERE id = $1`, [a.remittanceId])).toBeUndefined();
  });
});

describe('denials and their timeline without row-level foreign keys', () => {
  const insertClaim = (client: pg.PoolClient, of: Claimed) =>
    client.query<{ id: string }>(
      `INSERT INTO claim (id, "remittanceId", "payerId", "patientControlNumber", "statusCode", "billedCents", "paidCents") VALUES ($1, $2, $3, 'PCN-D', '4', 0, 0) RETURNING id`,
      [randomUUID(), of.remittanceId, of.payerId],
    );
  const insertDenial = (client: pg.PoolClient, claimId: string, payerId: string) =>
    client.query(
      `INSERT INTO denial (id, "claimId", "payerId", "patientControlNumber", "deniedCents", category, department, avoidable, "updatedAt")
       VALUES ($1, $2, $3, 'PCN-D', 100, 'other', 'billing', false, now())`,
      [randomUUID(), claimId, payerId],
    );

  it('refuses a denial whose claim does not exist, or that names another payer than its claim’s (23503)', async () => {
    const ghost = randomUUID();
    const missing = await attempt((client) => insertDenial(client, ghost, a.payerId));
    expect(missing).toMatchObject({ code: '23503', table: 'denial', column: '"claimId", "payerId"', constraint: 'denial_parents_exist' });
    expect(missing?.detail).toBe(`Key ("claimId", "payerId")=(${ghost}, ${a.payerId}) is not present in table "claim".`);
    const otherPayer = await attempt(async (client) => insertDenial(client, (await insertClaim(client, a)).rows[0]!.id, b.payerId));
    expect(otherPayer).toMatchObject({ code: '23503', table: 'denial' });
    expect(await attempt(async (client) => insertDenial(client, (await insertClaim(client, a)).rows[0]!.id, a.payerId))).toBeUndefined();
  });

  it('refuses a timeline event whose denial does not exist, one row among many', async () => {
    const error = await attempt(async (client) => {
      const rows = new CopyRows('denial_event', ['=id', '=denialId', 'type', 'createdAt']);
      for (let i = 0; i < 200; i++) rows.add([randomUUID(), a.denialId, 'note', new Date().toISOString()]);
      rows.add([randomUUID(), randomUUID(), 'note', new Date().toISOString()]);
      await rows.copy(client);
    });
    expect(error).toMatchObject({ code: '23503', table: 'denial_event', constraint: 'denial_event_parents_exist' });
    expect(await run(`INSERT INTO denial_event (id, "denialId", type) VALUES ($1, $2, 'note')`, [randomUUID(), a.denialId])).toBeUndefined();
  });

  it('refuses to delete or truncate a denial, or to move a denial or an event to another parent (23001)', async () => {
    const attempts: [string, unknown[]][] = [
      [`DELETE FROM denial WHERE id = $1`, [a.denialId]],
      [`TRUNCATE denial CASCADE`, []],
      [`UPDATE denial SET "claimId" = $2 WHERE id = $1`, [a.denialId, b.claimId]],
      [`UPDATE denial SET "payerId" = $2 WHERE id = $1`, [a.denialId, b.payerId]],
      [`UPDATE denial SET id = $2 WHERE id = $1`, [a.denialId, randomUUID()]],
    ];
    for (const [sql, params] of attempts) {
      expect(await run(sql, params), sql).toMatchObject({ code: '23001', message: expect.stringMatching(/denials are never removed/) });
    }
    const moved = await attempt(async (client) => {
      const event = randomUUID();
      await client.query(`INSERT INTO denial_event (id, "denialId", type) VALUES ($1, $2, 'note')`, [event, a.denialId]);
      await client.query(`UPDATE denial_event SET "denialId" = $2 WHERE id = $1`, [event, b.denialId]);
    });
    expect(moved).toMatchObject({ code: '23001', table: 'denial_event' });
  });

  it('still lets people work the denial and the seed back-date its timeline', async () => {
    expect(await run(`UPDATE denial SET status = 'in_progress', "followUpDate" = '2026-12-01', version = version + 1 WHERE id = $1`, [a.denialId])).toBeUndefined();
    const backDated = await attempt(async (client) => {
      const event = randomUUID();
      await client.query(`INSERT INTO denial_event (id, "denialId", type) VALUES ($1, $2, 'note')`, [event, a.denialId]);
      const { rowCount } = await client.query(`UPDATE denial_event SET "createdAt" = '2025-01-01' WHERE id = $1`, [event]);
      if (rowCount !== 1) throw new Error('the event was not updated');
    });
    expect(backDated).toBeUndefined();
  });
});
