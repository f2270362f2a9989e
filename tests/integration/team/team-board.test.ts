import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { BOARD_MEASURES, type BoardGroup, type BoardMeasure, boardCounts, boardLink } from '@/lib/domain/team/board-links';
import { startOfDay } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { listQueue } from '@/lib/server/denials/list-queue';
import { AppError } from '@/lib/server/errors';
import type { BoardCounts, TeamBoardDto } from '@/lib/domain/contracts/team-board';
import { teamBoard } from '@/lib/server/team/team-board';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const TODAY = '2025-06-02';
let mia: Actor; // manager, team A
let olive: Actor; // manager, team B, organisation-wide
let sam: Actor;
let riley: Actor;
let jordan: Actor; // specialist, team B
let payer1: string;
let payer2: string;
const ids: Record<string, string> = {};

/** An instant on a day, at 10:00 where the server runs. */
const at = (iso: string) => new Date(startOfDay(iso).getTime() + 10 * 3600_000);

beforeAll(async () => {
  const teamA = (await createTeam()).id;
  const teamB = (await createTeam()).id;
  mia = await createPerson('manager', teamA, 'Mia Manager');
  olive = await createPerson('manager', teamB, 'Olive Orgwide', { orgWide: true });
  sam = await createPerson('specialist', teamA, 'Sam Board');
  riley = await createPerson('specialist', teamA, 'Riley Board');
  jordan = await createPerson('specialist', teamB, 'Jordan Board');
  payer1 = (await createPayer('commercial', 'Board payer one')).id; // warning window 14 days (the default)
  const p2 = await createPayer('medicare', 'Board payer two');
  await db.payer.update({ where: { id: p2.id }, data: { warningWindowDays: 30 } });
  payer2 = p2.id;
  const samOwns = { payerId: payer1, ownerId: sam.id, teamId: teamA, status: 'assigned' as const };
  const specs = {
    samOverdue: { ...samOwns, followUpDate: addDays(TODAY, -2), deadlineDate: addDays(TODAY, 30), deniedCents: 10_000 },
    samToday: { ...samOwns, followUpDate: TODAY, deadlineDate: addDays(TODAY, 5), deniedCents: 20_000 },
    samLate: { ...samOwns, followUpDate: addDays(TODAY, 10), deadlineDate: addDays(TODAY, 3), deniedCents: 30_000, category: 'coding_modifiers' },
    samMissed: { ...samOwns, deadlineDate: addDays(TODAY, -1), deniedCents: 40_000 },
    samUntouched: { ...samOwns, openedAt: at(addDays(TODAY, -30)), deniedCents: 50_000 },
    samClosed: { ...samOwns, status: 'resolved_paid' as const, deniedCents: 60_000 },
    samWorkedByRiley: { ...samOwns, payerId: payer2, deniedCents: 70_000 },
    rileyEscalated: { payerId: payer2, ownerId: riley.id, teamId: teamA, status: 'in_progress' as const, openedAt: at(addDays(TODAY, -30)), deniedCents: 80_000 },
    poolA: { payerId: payer2, teamId: teamA, deadlineDate: addDays(TODAY, 20), deniedCents: 90_000 },
    jordanB: { payerId: payer1, ownerId: jordan.id, teamId: teamB, status: 'assigned' as const, followUpDate: addDays(TODAY, -5), deniedCents: 100_000 },
  };
  for (const [name, spec] of Object.entries(specs)) ids[name] = await createDenial(spec);
  const event = (denialId: string, actorId: string | null, createdAt: Date, type = 'note') =>
    db.denialEvent.create({ data: { denialId, actorId, type, createdAt } });
  await event(ids.samClosed!, sam.id, at(TODAY), 'status');
  await event(ids.samWorkedByRiley!, riley.id, at(TODAY));
  await event(ids.samWorkedByRiley!, riley.id, at(TODAY)); // twice on one denial: still one denial worked
  await event(ids.rileyEscalated!, riley.id, at(addDays(TODAY, -3)));
  await event(ids.samUntouched!, null, at(addDays(TODAY, -2)), 'rescored'); // the system's touch is not a person's
  await event(ids.jordanB!, jordan.id, at(TODAY));
  await db.escalation.create({ data: { denialId: ids.rileyEscalated!, teamId: teamA, raisedById: riley.id, reason: 'Payer keeps losing the appeal' } });
  await db.escalation.create({ data: { denialId: ids.samOverdue!, teamId: teamA, raisedById: sam.id, reason: 'Handled already', status: 'resolved' } });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const person = (board: TeamBoardDto, id: string) => board.people.find((p) => p.id === id);

describe('teamBoard', () => {
  it('counts each specialist’s open work, follow-ups, deadlines, escalations, risk and worked denials', async () => {
    const board = await teamBoard(mia, TODAY);
    expect(board.scope).toBe('team');
    expect(person(board, sam.id)).toMatchObject({
      open: 6,
      openCents: 220_000,
      followUpsOverdue: 1,
      followUpsToday: 1,
      inWindow: 2, // +5 and +3 days inside payer one's 14; +30 is not
      missed: 1,
      escalations: 0, // the resolved escalation does not wait
      atRisk: 2, // the follow-up after the deadline, and the one untouched for 30 days
      workedToday: 1, // the one Sam closed today counts: closing is work
      workedWeek: 1,
    });
    expect(person(board, riley.id)).toMatchObject({ open: 1, escalations: 1, atRisk: 0, workedToday: 1, workedWeek: 2 });
    expect(person(board, jordan.id)).toBeUndefined();
    expect(board.payers.find((p) => p.id === payer2)).toMatchObject({ open: 3, inWindow: 1, workedToday: 1, workedWeek: 2 });
    expect(board.pool.workedToday).toBeNull();
    expect(board.untouchedDays).toBe(14);
  });

  it('reaches every team for an organisation-wide manager', async () => {
    const board = await teamBoard(olive, TODAY);
    expect(board.scope).toBe('organisation');
    expect(person(board, jordan.id)).toMatchObject({ open: 1, followUpsOverdue: 1, workedToday: 1 });
    expect(person(board, sam.id)?.open).toBe(6);
  });

  it('is refused to a specialist and audited as a non-PHI read', async () => {
    await expect(teamBoard(sam, TODAY)).rejects.toMatchObject({ code: 'forbidden' } satisfies Partial<AppError>);
    const audits = await db.auditEvent.findMany({ where: { actorId: mia.id, action: 'team_board.view' } });
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.every((a) => !a.phi)).toBe(true);
  });
});

/** How many rows the queue shows at a board link (following every page). */
async function queueCount(actor: Actor, href: string): Promise<number> {
  const raw = Object.fromEntries(new URL(href, 'http://x').searchParams);
  let cursor: string | undefined;
  let n = 0;
  for (let i = 0; i < 200; i++) {
    const page = await listQueue(actor, queueParamsSchema.parse({ ...raw, limit: '100', ...(cursor ? { cursor } : {}) }), TODAY);
    n += page.rows.length;
    if (!page.nextCursor) return n;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

const MEASURE_VALUE: Record<BoardMeasure, (c: BoardCounts) => number | null> = {
  open: (c) => c.open,
  workedToday: (c) => c.workedToday,
  workedWeek: (c) => c.workedWeek,
  followUpsOverdue: (c) => c.followUpsOverdue,
  followUpsToday: (c) => c.followUpsToday,
  inWindow: (c) => c.inWindow,
  missed: (c) => c.missed,
  escalations: (c) => c.escalations,
  atRisk: (c) => c.atRisk,
};

async function expectQueueMatches(actor: Actor, board: TeamBoardDto, groups: [BoardGroup, BoardCounts][]) {
  const mismatches: string[] = [];
  for (const [group, counts] of groups) {
    for (const measure of BOARD_MEASURES) {
      if (!boardCounts(group, measure)) continue;
      const href = boardLink(group, measure);
      const shown = await queueCount(actor, href);
      if (shown !== MEASURE_VALUE[measure](counts)) mismatches.push(`${href}: board ${MEASURE_VALUE[measure](counts)}, queue ${shown}`);
    }
  }
  expect(mismatches).toEqual([]);
  expect(board.total.open).toBeGreaterThan(0);
}

describe('every board number opens exactly the denials it counts', () => {
  it('for a team manager: people, the pool, payers, categories and the total', async () => {
    const board = await teamBoard(mia, TODAY, { fresh: true });
    await expectQueueMatches(mia, board, [
      ...board.people.map((p): [BoardGroup, BoardCounts] => [{ kind: 'person', id: p.id }, p]),
      [{ kind: 'pool' }, board.pool],
      ...board.payers.map((p): [BoardGroup, BoardCounts] => [{ kind: 'payer', id: p.id }, p]),
      ...board.categories.map((c): [BoardGroup, BoardCounts] => [{ kind: 'category', category: c.category }, c]),
      [{ kind: 'all' }, board.total],
    ]);
  });

  it('for an organisation-wide manager: this file’s people and payers', async () => {
    const board = await teamBoard(olive, TODAY, { fresh: true });
    const mine = new Set([sam.id, riley.id, jordan.id]);
    await expectQueueMatches(olive, board, [
      ...board.people.filter((p) => mine.has(p.id)).map((p): [BoardGroup, BoardCounts] => [{ kind: 'person', id: p.id }, p]),
      ...board.payers.filter((p) => p.id === payer1 || p.id === payer2).map((p): [BoardGroup, BoardCounts] => [{ kind: 'payer', id: p.id }, p]),
    ]);
  });
});

describe('a count remembered for a few seconds', () => {
  it('answers again from memory until asked to count fresh', async () => {
    const first = await teamBoard(mia, TODAY, { fresh: true });
    await createDenial({ payerId: payer1, ownerId: sam.id, teamId: sam.teamId, status: 'assigned' });
    const again = await teamBoard(mia, TODAY);
    expect(again.countedAt).toBe(first.countedAt);
    expect(person(again, sam.id)?.open).toBe(person(first, sam.id)?.open);
    const fresh = await teamBoard(mia, TODAY, { fresh: true });
    expect(person(fresh, sam.id)?.open).toBe(person(first, sam.id)!.open + 1);
  });
});
