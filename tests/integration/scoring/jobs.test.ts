import { afterAll, describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { DAILY_RESCORE, DAILY_RESCORE_CRON, PAYER_RESCORE, requestPayerRescore, startScoringJobs, stopScoringJobs } from '@/lib/server/scoring/jobs';
import { createDenial, createPayer } from '../../support/denial-factory';

afterAll(async () => {
  await stopScoringJobs();
  await db.$disconnect();
  await pool.end();
});

describe('scoring jobs on pg-boss', () => {
  it('schedule the nightly rescore in the app’s own database and run a payer’s rescore as a queued job', async () => {
    const boss = await startScoringJobs();
    expect(boss).not.toBeNull();
    const { rows } = await pool.query(`SELECT name, cron FROM pgboss.schedule WHERE name = $1`, [DAILY_RESCORE]);
    expect(rows).toEqual([{ name: DAILY_RESCORE, cron: DAILY_RESCORE_CRON }]);

    const payer = (await createPayer('commercial')).id;
    const id = await createDenial({ payerId: payer, noticeDate: '2025-01-10', score: 0 });
    expect(await requestPayerRescore(payer)).toBe('queued');
    await expect
      .poll(async () => (await db.denial.findUniqueOrThrow({ where: { id } })).deadlineKind, { timeout: 20_000, interval: 250 })
      .toBe('appeal_1');
    const states = async () => (await pool.query(`SELECT state FROM pgboss.job WHERE name = $1 AND data->>'payerId' = $2`, [PAYER_RESCORE, payer])).rows.map((r) => r.state);
    await expect.poll(states, { timeout: 10_000, interval: 250 }).toEqual(['completed']);
  });
});
