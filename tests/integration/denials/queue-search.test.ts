import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { type QueueParams, queueParamsSchema } from '@/lib/domain/queue-params';
import { db, pool } from '@/lib/server/db';
import type { QueueRowDto } from '@/lib/server/denials/dto';
import { listQueue } from '@/lib/server/denials/list-queue';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

// The queue's search box: part of a name, claim number or member id, whatever the case and accents, through
// the trigram index (migration 20261205140200_denial_search_index), within what the actor may read.
const TODAY = '2025-06-02';
const run = Date.now().toString(36).toUpperCase();
let payer: string;
let sam: Actor; // specialist, team A
let jordan: Actor; // specialist, team B
let morgan: Actor; // manager, organisation-wide
const ids: Record<string, string> = {};

/** Every match for `term`, following cursors, among this file's denials only (its own payer). */
async function found(actor: Actor, term: string, extra: Record<string, string> = {}): Promise<string[]> {
  const rows: QueueRowDto[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const params: QueueParams = queueParamsSchema.parse({ view: actor === morgan ? 'all' : 'team', payer, q: term, ...extra, ...(cursor ? { cursor } : {}) });
    const page = await listQueue(actor, params, TODAY);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows.map((r) => r.id);
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  const teamA = (await createTeam()).id;
  const teamB = (await createTeam()).id;
  sam = await createPerson('specialist', teamA, 'Sam');
  jordan = await createPerson('specialist', teamB, 'Jordan');
  morgan = await createPerson('manager', teamA, 'Morgan', { orgWide: true });
  payer = (await createPayer('commercial', `Search payer ${run}`)).id;
  ids.williams = await createDenial({ payerId: payer, teamId: teamA, patientName: 'WILLIAMS, JOHN', patientControlNumber: `CLM-${run}-7731`, memberId: `MBR${run}X1`, score: 900 });
  ids.williamsB = await createDenial({ payerId: payer, teamId: teamB, patientName: 'Williamson, Ada', patientControlNumber: `CLM-${run}-8810`, score: 800 });
  ids.jose = await createDenial({ payerId: payer, teamId: teamA, patientName: 'José Núñez', patientControlNumber: `CLM-${run}-1204`, score: 700 });
  ids.other = await createDenial({ payerId: payer, teamId: teamA, patientName: 'Smith, Alan', patientControlNumber: `CLM-${run}-5555`, memberId: 'ZZ9', score: 600 });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('queue search', () => {
  it('finds a patient by part of their last name in lower case', async () => {
    expect(await found(morgan, 'williams')).toEqual([ids.williams, ids.williamsB]);
  });

  it('ignores accents both ways: "jose nunez" finds José Núñez, "JOSÉ" too', async () => {
    expect(await found(morgan, 'jose nunez')).toEqual([ids.jose]);
    expect(await found(morgan, 'JOSÉ')).toEqual([ids.jose]);
  });

  it('finds a name typed in another order than it is stored', async () => {
    expect(await found(morgan, 'john williams')).toEqual([ids.williams]);
  });

  it('finds part of a patient control number or payer claim number', async () => {
    expect(await found(morgan, `${run}-773`.toLowerCase())).toEqual([ids.williams]);
    expect(await found(morgan, '8810-PCCN')).toEqual([ids.williamsB]);
  });

  it('finds a member id, in any case', async () => {
    expect(await found(morgan, `mbr${run}x1`.toLowerCase())).toEqual([ids.williams]);
  });

  it('matches each word in whichever field holds it', async () => {
    expect(await found(morgan, 'JOHN 7731')).toEqual([ids.williams]);
    expect(await found(morgan, 'ALAN ZZ9')).toEqual([ids.other]);
  });

  it('treats _ and % as themselves, not wildcards', async () => {
    expect(await found(morgan, 'W_LLIAMS')).toEqual([]);
  });

  it('stays within what the actor may read: another team’s match is not found', async () => {
    expect(await found(sam, 'williams')).toEqual([ids.williams]);
    expect(await found(jordan, 'williams')).toEqual([ids.williamsB]);
  });

  it('pages through the matches with keyset cursors, each once, in score order', async () => {
    const term = `CLM-${run}`;
    expect(await found(morgan, term, { limit: '25' })).toEqual([ids.williams, ids.williamsB, ids.jose, ids.other]);
    // Two rows a page: the cursor carries the search's order, and no row repeats or goes missing.
    const pages: string[][] = [];
    const numbers: number[] = [];
    let cursor: string | undefined;
    do {
      const raw = { view: 'all', payer, q: term, sort: 'amount' };
      const page = await listQueue(morgan, { ...queueParamsSchema.parse(raw), limit: 2 as 25, ...(cursor ? { cursor } : {}) }, TODAY);
      pages.push(page.rows.map((r) => r.id));
      numbers.push(page.page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([2, 2]);
    expect(new Set(pages.flat()).size).toBe(4);
    expect(numbers).toEqual([1, 2]); // the cursor says which page it opens, so a reloaded page 2 says so
  });
});
