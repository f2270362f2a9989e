import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import { type QueueParams, type QueueSort, queueParamsSchema } from '@/lib/domain/queue-params';
import { db, pool } from '@/lib/server/db';
import type { Actor } from '@/lib/domain/permissions';
import type { QueueRowDto } from '@/lib/server/denials/dto';
import { listQueue } from '@/lib/server/denials/list-queue';
import { AppError } from '@/lib/server/errors';
import { createDenial, createDenials, createPayer, createPerson, createTeam, type DenialSpec } from '../../support/denial-factory';

const TODAY = '2025-06-02';
let teamA: string;
let teamB: string;
let sam: Actor; // specialist, team A
let riley: Actor; // specialist, team A
let jordan: Actor; // specialist, team B
let morgan: Actor; // manager, team A, organisation-wide
let payer1: string;
let payer2: string;
const ids: Record<string, string> = {};

const q = (raw: Record<string, string>): QueueParams => queueParamsSchema.parse(raw);
const idsOf = (rows: QueueRowDto[]) => rows.map((r) => r.id);

/** Every page of a query, following the cursors (only this file's payers, so other files' rows stay out). */
async function allPages(actor: Actor, raw: Record<string, string>) {
  const rows: QueueRowDto[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listQueue(actor, q({ ...raw, payer: `${payer1},${payer2}`, limit: '25', ...(cursor ? { cursor } : {}) }), TODAY);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  teamA = (await createTeam()).id;
  teamB = (await createTeam()).id;
  sam = await createPerson('specialist', teamA, 'Sam');
  riley = await createPerson('specialist', teamA, 'Riley');
  jordan = await createPerson('specialist', teamB, 'Jordan');
  morgan = await createPerson('manager', teamA, 'Morgan', { orgWide: true });
  payer1 = (await createPayer('commercial', 'Aetna (test)')).id;
  payer2 = (await createPayer('medicare', 'Medicare (test)')).id;
  const specs: Record<string, DenialSpec> = {
    samNew: { payerId: payer1, ownerId: sam.id, teamId: teamA, status: 'assigned', deniedCents: 420_000, score: 9_000, deadlineDate: addDays(TODAY, 5), followUpDate: TODAY, category: 'coding_modifiers', department: 'coding', carcCodes: ['4'], rarcCodes: ['M51'] },
    samAppealed: { payerId: payer2, ownerId: sam.id, teamId: teamA, status: 'appealed', deniedCents: 12_000, score: 100, deadlineDate: null, followUpDate: addDays(TODAY, 3) },
    samClosed: { payerId: payer1, ownerId: sam.id, teamId: teamA, status: 'resolved_paid', deniedCents: 99_000, score: 50_000 },
    rileyTeam: { payerId: payer1, ownerId: riley.id, teamId: teamA, status: 'in_progress', deniedCents: 55_000, score: 7_000, deadlineDate: addDays(TODAY, -3), escalated: true, followUpDate: addDays(TODAY, -1) },
    poolTeamA: { payerId: payer2, teamId: teamA, deniedCents: 30_000, score: 5_000, deadlineDate: TODAY, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['27'] },
    poolNoTeam: { payerId: payer1, deniedCents: 8_000, score: 4_000, deadlineDate: addDays(TODAY, 40), carcCodes: ['16'], rarcCodes: ['MA130'], appealable: false, category: 'correct_resubmit', department: 'billing' },
    jordanB: { payerId: payer1, ownerId: jordan.id, teamId: teamB, status: 'assigned', deniedCents: 70_000, score: 8_000, deadlineDate: addDays(TODAY, 7) },
    poolTeamB: { payerId: payer2, teamId: teamB, deniedCents: 15_000, score: 3_000, deadlineDate: addDays(TODAY, 8) },
  };
  for (const [name, spec] of Object.entries(specs)) {
    ids[name] = await createDenial({ patientControlNumber: `PCN-${name}-${Date.now()}`, openedAt: new Date(Date.UTC(2025, 4, 1 + Object.keys(ids).length)), ...spec });
  }
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('views', () => {
  it('"mine" holds my open denials only', async () => {
    expect(idsOf(await allPages(sam, { view: 'mine' })).sort()).toEqual([ids.samNew, ids.samAppealed].sort());
  });

  it('"team" holds my team’s open denials, assigned or not', async () => {
    expect(idsOf(await allPages(riley, { view: 'team' })).sort()).toEqual([ids.samNew, ids.samAppealed, ids.rileyTeam, ids.poolTeamA].sort());
  });

  it('"unassigned" offers a specialist their team’s pool and the team-less pool, never another team’s', async () => {
    expect(idsOf(await allPages(sam, { view: 'unassigned' })).sort()).toEqual([ids.poolTeamA, ids.poolNoTeam].sort());
    expect(idsOf(await allPages(jordan, { view: 'unassigned' })).sort()).toEqual([ids.poolNoTeam, ids.poolTeamB].sort());
    expect(idsOf(await allPages(morgan, { view: 'unassigned' })).sort()).toEqual([ids.poolTeamA, ids.poolNoTeam, ids.poolTeamB].sort());
  });

  it('"follow-ups due today" holds my follow-ups due today or earlier', async () => {
    expect(idsOf(await allPages(sam, { view: 'follow_ups' }))).toEqual([ids.samNew]);
    expect(idsOf(await allPages(morgan, { view: 'follow_ups' })).sort()).toEqual([ids.samNew, ids.rileyTeam].sort());
  });

  it('"deadlines this week" holds what is due from today through the next seven days, soonest first', async () => {
    expect(idsOf(await allPages(morgan, { view: 'deadlines' }))).toEqual([ids.poolTeamA, ids.samNew, ids.jordanB]);
  });

  it('"all" is for managers; a specialist asking for it is refused', async () => {
    expect(await allPages(morgan, { view: 'all' })).toHaveLength(7);
    await expect(listQueue(sam, q({ view: 'all' }), TODAY)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a manager without organisation-wide scope sees their own team and the pool, never another team’s', async () => {
    const teamManager = await createPerson('manager', teamA, 'Taylor');
    expect(idsOf(await allPages(teamManager, { view: 'all' })).sort()).toEqual(
      [ids.samNew, ids.samAppealed, ids.rileyTeam, ids.poolTeamA, ids.poolNoTeam].sort(),
    );
    expect(idsOf(await allPages(teamManager, { view: 'unassigned' })).sort()).toEqual([ids.poolTeamA, ids.poolNoTeam].sort());
  });

  it('a specialist’s reach never includes another team’s work, whatever the filters say', async () => {
    const seen = idsOf(await allPages(sam, { view: 'deadlines', owner: jordan.id }));
    expect(seen).toEqual([]);
  });
});

describe('filters', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['category', { category: 'coding_modifiers,correct_resubmit' }, ['samNew', 'poolNoTeam']],
    ['department', { department: 'front_desk' }, ['poolTeamA']],
    ['CARC', { carc: '27' }, ['poolTeamA']],
    ['RARC', { rarc: 'ma130' }, ['poolNoTeam']],
    ['status (open)', { status: 'in_progress,appealed' }, ['rileyTeam', 'samAppealed']],
    ['status (closed)', { status: 'resolved_paid' }, ['samClosed']],
    ['amount range', { min: '100', max: '550' }, ['rileyTeam', 'poolTeamA', 'samAppealed', 'poolTeamB']],
    ['deadline missed', { due: 'missed' }, ['rileyTeam']],
    ['deadline today', { due: 'today' }, ['poolTeamA']],
    ['deadline within 7 days', { due: '7d' }, ['samNew', 'jordanB', 'poolTeamA']],
    ['no deadline', { due: 'none' }, ['samAppealed']],
    ['owner: me', { owner: 'me' }, []],
    ['owner: nobody', { owner: 'none' }, ['poolTeamA', 'poolNoTeam', 'poolTeamB']],
    ['escalated', { escalated: 'true' }, ['rileyTeam']],
  ];
  it.each(cases)('by %s', async (_name, raw, expected) => {
    expect(idsOf(await allPages(morgan, { view: 'all', ...raw })).sort()).toEqual(expected.map((k) => ids[k]).sort());
  });

  it('by payer', async () => {
    const page = await listQueue(morgan, q({ view: 'all', payer: payer2 }), TODAY);
    expect(idsOf(page.rows).sort()).toEqual([ids.samAppealed, ids.poolTeamA, ids.poolTeamB].sort());
    expect(page.rows.every((r) => r.payer.name === 'Medicare (test)')).toBe(true);
  });

  it('by owner', async () => {
    expect(idsOf(await allPages(morgan, { view: 'all', owner: riley.id }))).toEqual([ids.rileyTeam]);
    expect(idsOf(await allPages(sam, { view: 'mine', owner: 'me' })).sort()).toEqual([ids.samNew, ids.samAppealed].sort());
  });

  it('by claim reference', async () => {
    const pcn = (await db.denial.findUniqueOrThrow({ where: { id: ids.rileyTeam } })).patientControlNumber;
    expect(idsOf((await listQueue(morgan, q({ view: 'all', q: pcn }), TODAY)).rows)).toEqual([ids.rileyTeam]);
    expect(idsOf((await listQueue(morgan, q({ view: 'all', q: `${pcn}-PCCN` }), TODAY)).rows)).toEqual([ids.rileyTeam]);
  });

  it('refuses keys and values outside the allow-lists (422 at the route)', () => {
    expect(queueParamsSchema.safeParse({ sort: 'patientName' }).success).toBe(false);
    expect(queueParamsSchema.safeParse({ category: 'eligibility_coverage,drop table' }).success).toBe(false);
    expect(queueParamsSchema.safeParse({ carc: "50'; --" }).success).toBe(false);
    expect(queueParamsSchema.safeParse({ min: '500', max: '5' }).success).toBe(false);
  });
});

describe('sorts', () => {
  const sorted: [QueueSort, string[]][] = [
    ['score', ['samNew', 'jordanB', 'rileyTeam', 'poolTeamA', 'poolNoTeam', 'poolTeamB', 'samAppealed']],
    ['amount', ['samNew', 'jordanB', 'rileyTeam', 'poolTeamA', 'poolTeamB', 'samAppealed', 'poolNoTeam']],
    ['deadline', ['rileyTeam', 'poolTeamA', 'samNew', 'jordanB', 'poolTeamB', 'poolNoTeam', 'samAppealed']],
    ['age', ['samNew', 'samAppealed', 'rileyTeam', 'poolTeamA', 'poolNoTeam', 'jordanB', 'poolTeamB']],
  ];
  it.each(sorted)('by %s (ties broken by id)', async (sort, expected) => {
    const rows: QueueRowDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await listQueue(morgan, q({ view: 'all', sort, payer: `${payer1},${payer2}`, limit: '25', ...(cursor ? { cursor } : {}) }), TODAY);
      rows.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(idsOf(rows)).toEqual(expected.map((k) => ids[k]));
  });

  it('shows each row’s one-line why, with the days counted from today', async () => {
    const page = await listQueue(sam, q({ view: 'mine' }), TODAY);
    const row = page.rows.find((r) => r.id === ids.samNew);
    expect(row?.why).toBe('$4,200 × 50% recovery × due in 5 days');
    expect(row?.deadline).toMatchObject({ daysLeft: 5, urgency: 'due_soon' });
    expect(page.codes.carc).toBeDefined();
  });
});

describe('keyset pagination', () => {
  const sorts: QueueSort[] = ['score', 'amount', 'deadline', 'age'];

  it.each(sorts)('never skips or repeats a row while rows are inserted between pages (%s)', async (sort) => {
    const payer = (await createPayer()).id;
    const spec = (i: number): DenialSpec => ({
      payerId: payer,
      deniedCents: 1_000 + ((i * 7919) % 500) * 100,
      score: (i * 104_729) % 997,
      deadlineDate: i % 5 === 0 ? null : addDays(TODAY, (i * 31) % 60),
      openedAt: new Date(Date.UTC(2025, 0, 1) + ((i * 37) % 90) * 86_400_000),
    });
    // Ties on purpose (same score, amount, date), so the id tiebreak is exercised.
    const before = new Set(await createDenials(Array.from({ length: 120 }, (_, i) => spec(i % 60))));
    const seen: string[] = [];
    let cursor: string | undefined;
    let page = 0;
    do {
      const result = await listQueue(morgan, q({ view: 'all', sort, payer, limit: '25', ...(cursor ? { cursor } : {}) }), TODAY);
      seen.push(...idsOf(result.rows));
      cursor = result.nextCursor ?? undefined;
      // Someone ingests more denials between page loads, landing before and after the cursor.
      await createDenials(Array.from({ length: 10 }, (_, i) => spec(page * 10 + i + 7)));
      page++;
    } while (cursor && page < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...before].filter((id) => !seen.includes(id))).toEqual([]);
  });

  it('refuses a cursor that was tampered with or belongs to another sort', async () => {
    const first = await listQueue(morgan, q({ view: 'all', payer: payer1, limit: '25', sort: 'amount' }), TODAY);
    expect(first.total).not.toBeNull();
    const cursorFromAmount = Buffer.from(JSON.stringify({ s: 'amount', v: '100', id: ids.samNew })).toString('base64url');
    await expect(listQueue(morgan, q({ view: 'all', sort: 'score', cursor: cursorFromAmount }), TODAY)).rejects.toBeInstanceOf(AppError);
    await expect(listQueue(morgan, q({ view: 'all', cursor: 'not-json' }), TODAY)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('counts a small view’s total exactly, up to a cap, and only on the first page', async () => {
    const payer = (await createPayer()).id;
    await createDenials(Array.from({ length: 1_003 }, (_, i) => ({ payerId: payer, score: i })));
    await db.$executeRaw`ANALYZE denial`;
    const first = await listQueue(morgan, q({ view: 'all', payer }), TODAY);
    expect(first.total).toEqual({ count: 1000, capped: true, estimated: false });
    const second = await listQueue(morgan, q({ view: 'all', payer, cursor: first.nextCursor! }), TODAY);
    expect(second.total).toBeNull();
    const small = await listQueue(morgan, q({ view: 'all', payer: payer2 }), TODAY);
    expect(small.total).toEqual({ count: 3, capped: false, estimated: false });
  });

  it('estimates a large view’s total from the planner instead of counting it', async () => {
    const payer = (await createPayer()).id;
    await createDenials(Array.from({ length: 2_600 }, (_, i) => ({ payerId: payer, score: i })));
    await db.$executeRaw`ANALYZE denial`;
    const first = await listQueue(morgan, q({ view: 'all', payer }), TODAY);
    expect(first.total).toMatchObject({ estimated: true, capped: false });
    expect(first.total!.count).toBeGreaterThan(2_000);
    expect(first.total!.count).toBeLessThan(3_200);
  });
});
