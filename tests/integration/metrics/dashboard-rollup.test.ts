import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { DashboardFilters } from '@/lib/domain/contracts/dashboard';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { type Period, priorPeriod } from '@/lib/domain/metrics';
import type { Actor } from '@/lib/domain/permissions';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { analyticQuery } from '@/lib/server/metrics/analytic-query';
import { dashboardStatements } from '@/lib/server/metrics/dashboard-statements';
import { rollupMatchesServerZone } from '@/lib/server/metrics/rollup-zone';
import { type DenialSpec, createDenials, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { rollupDiff } from '../../support/rollup-diff';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { actor as ingestActor, deniedClaim, remit, transaction, unique } from '../ingest/helpers';

// The dashboard's rollups (decision 0031) stay exactly what a rebuild from denial and claim gives, whatever
// writers do to denials — one row or many per statement, moving them between groups both ways, concurrently —
// and the dashboard's statements over them return what its statements over denial and claim return.

const today = todayIso();
const period: Period = { from: addDays(today, -59), to: today };
const prior = priorPeriod(period);
const at = (day: IsoDate, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`);

let seed = 11;
const next = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  // The high bits: an LCG's low bits repeat with a short period (with 16 operations, `seed % 16` picked one).
  return Math.floor(seed / 2 ** 15) % n;
};
const pick = <T,>(xs: readonly T[]): T => xs[next(xs.length)]!;

const CATEGORIES = ['medical_necessity', 'eligibility_coverage', 'coding_modifiers'] as const;
const DEPARTMENTS = ['clinical', 'front_desk', 'coding'] as const;
const CLOSED = ['resolved_paid', 'resolved_partial', 'written_off'] as const;
const OPEN = ['new', 'in_progress', 'appealed'] as const;

let teams: string[];
let payers: string[];
let people: Actor[];
let orgManager: Actor;
let teamManager: Actor;
let loneManager: Actor;
const ids: string[] = [];

function spec(): DenialSpec {
  // Up to ~14 months back: open denials in months wholly in the oldest aging bucket (read as monthly rows).
  const openedOn = addDays(today, -(next(4) === 0 ? next(420) : next(150)));
  const closed = next(2) === 0;
  const owner = pick([...people.map((p) => p.id), null, null]);
  return {
    payerId: pick(payers),
    teamId: pick([...teams, null]),
    ownerId: owner,
    status: closed ? pick(CLOSED) : pick(OPEN),
    category: pick(CATEGORIES),
    department: pick(DEPARTMENTS),
    carcCodes: pick([['50'], ['197', '50'], ['16'], ['16', '16']]),
    deniedCents: 1_000 + next(40) * 1_000,
    recoveredCents: next(3) === 0 ? 700 : 0,
    avoidable: next(2) === 0,
    openedAt: at(openedOn, 1 + next(22)),
    resolvedAt: closed ? at(addDays(openedOn, next(30)) > today ? today : addDays(openedOn, next(30)), 1 + next(22)) : null,
    appealLevel: pick(['1', '2', null, null]),
    payeeName: pick(['North Clinic', 'South Clinic', null]),
    providerName: pick(['Dr Able', 'Dr Baker', null]),
  };
}

async function addDenials(n: number) {
  ids.push(...(await createDenials(Array.from({ length: n }, spec))));
}

const some = () => ids.filter(() => next(4) === 0);

/** One writer's statement each: the product's kinds of change, each over several denials at once. */
const operations: Record<string, () => Promise<unknown>> = {
  assign: () => pool.query(`UPDATE denial SET "ownerId" = $2, "teamId" = $3 WHERE id = ANY($1::uuid[])`, [some(), pick([...people.map((p) => p.id), null]), pick([...teams, null])]),
  resolve: () =>
    pool.query(`UPDATE denial SET status = 'resolved_partial', "resolvedAt" = $2, "recoveredCents" = "deniedCents" / 3 WHERE id = ANY($1::uuid[]) AND "openedAt" <= $2`, [
      some(),
      at(addDays(today, -next(20)), 9),
    ]),
  reopen: () => pool.query(`UPDATE denial SET status = 'in_progress', "resolvedAt" = NULL WHERE id = ANY($1::uuid[])`, [some()]),
  writeOff: () => pool.query(`UPDATE denial SET status = 'written_off', "resolvedAt" = now(), "recoveredCents" = $2 WHERE id = ANY($1::uuid[])`, [some(), pick([0, 500])]),
  appealLevel: () => pool.query(`UPDATE denial SET "appealLevel" = $2 WHERE id = ANY($1::uuid[])`, [some(), pick(['1', '2', 'external', null])]),
  // As lib/server/codes/reclassify-denials.ts moves them: one statement, each denial to its own new mapping.
  reclassify: () => {
    const moved = some();
    return pool.query(
      `UPDATE denial d SET category = m.category, department = m.department, avoidable = m.avoidable
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[]) AS m(id, category, department, avoidable) WHERE d.id = m.id`,
      [moved, moved.map(() => pick(CATEGORIES)), moved.map(() => pick(DEPARTMENTS)), moved.map(() => next(2) === 0)],
    );
  },
  // Categories swapped in one statement: two groups each lose and gain denials at once.
  swapCategories: () =>
    pool.query(`UPDATE denial SET category = CASE WHEN category = $2 THEN $3 ELSE $2 END WHERE id = ANY($1::uuid[]) AND category IN ($2, $3)`, [ids, CATEGORIES[0], CATEGORIES[1]]),
  placeAndCodes: () =>
    pool.query(`UPDATE denial SET location = $2, provider = $3, "carcCodes" = $4, "openedAt" = "openedAt" - interval '3 days' WHERE id = ANY($1::uuid[])`, [
      some(),
      pick(['North Clinic', 'East Clinic', null]),
      pick(['Dr Able', 'Dr Cole', null]),
      pick([['50'], ['45', '50'], []]),
    ]),
  recover: () => pool.query(`UPDATE denial SET "recoveredCents" = "recoveredCents" + 250 WHERE id = ANY($1::uuid[])`, [some()]),
  rescore: () => pool.query(`UPDATE denial SET score = score + 1 WHERE id = ANY($1::uuid[])`, [some()]),
  // The dashboard folding marks and deltas in between writes: later writes then undo what was folded.
  compact: () => pool.query('SELECT dashboard_rollup_compact()'),
  insert: () => addDenials(1 + next(6)),
  // Work (decision 0038): people writing on denials — today, or backdated into the middle of earlier days and
  // periods — an event moved to another day or person, and one removed.
  work: () => {
    const chosen = some().map((d) => ({ d, a: pick(people).id }));
    // Some written on twice by the same person: on another day (a gap) or the same one.
    const on = [...chosen, ...chosen.filter(() => next(2) === 0)];
    return pool.query(
      `INSERT INTO denial_event (id, "denialId", "actorId", type, "createdAt")
         SELECT gen_random_uuid(), d, a, 'note', t FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS w(d, a, t)`,
      [on.map((w) => w.d), on.map((w) => w.a), on.map(() => (next(3) === 0 ? new Date() : at(addDays(today, -next(130)), 1 + next(22))))],
    );
  },
  moveWork: () =>
    pool.query(
      `UPDATE denial_event SET "createdAt" = "createdAt" - make_interval(days => $2), "actorId" = CASE WHEN $3 THEN $4::uuid ELSE "actorId" END
         WHERE id IN (SELECT id FROM denial_event WHERE "denialId" = ANY($1::uuid[]) AND "actorId" IS NOT NULL ORDER BY id LIMIT 5)`,
      [some(), next(40), next(2) === 0, pick(people).id],
    ),
  removeWork: () =>
    pool.query(`DELETE FROM denial_event WHERE id IN (SELECT id FROM denial_event WHERE "denialId" = ANY($1::uuid[]) AND "actorId" IS NOT NULL ORDER BY id DESC LIMIT 3)`, [
      some(),
    ]),
  claims: () =>
    pool.query(`UPDATE claim SET "isDenial" = NOT "isDenial", "statusCode" = CASE WHEN "statusCode" = '22' THEN '1' ELSE $2 END, "billedCents" = "billedCents" + 10 WHERE id IN (SELECT "claimId" FROM denial WHERE id = ANY($1::uuid[]))`, [
      some(),
      pick(['1', '22']),
    ]),
};

/** Undo: a statement's denials put back as they were (the state read first, restored in one statement). */
async function undoable(run: () => Promise<unknown>) {
  const { rows } = await pool.query(`SELECT id, status, "ownerId", "teamId", "resolvedAt", "recoveredCents", category, location FROM denial WHERE id = ANY($1::uuid[])`, [ids]);
  await run();
  await pool.query(
    `UPDATE denial d SET status = b.status, "ownerId" = b."ownerId", "teamId" = b."teamId", "resolvedAt" = b."resolvedAt", "recoveredCents" = b."recoveredCents", category = b.category, location = b.location
       FROM jsonb_populate_recordset(NULL::denial, $1::jsonb) b WHERE d.id = b.id`,
    [JSON.stringify(rows)],
  );
}

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  teams = [(await createTeam()).id, (await createTeam()).id];
  payers = [(await createPayer()).id, (await createPayer()).id, (await createPayer()).id];
  people = [await createPerson('specialist', teams[0]!), await createPerson('specialist', teams[1]!), await createPerson('specialist', null)];
  orgManager = await createPerson('manager', teams[0]!, 'Rollup Org Manager', { orgWide: true });
  teamManager = await createPerson('manager', teams[0]!, 'Rollup Team Manager');
  loneManager = await createPerson('manager', null, 'Rollup Lone Manager');
  // Reach's own-denials part: the team manager and the manager without a team own denials in other teams and none.
  people.push(teamManager, loneManager);
  await addDenials(60);
});

afterAll(async () => {
  await client.end();
  await db.$disconnect();
});

describe('dashboard rollups', () => {
  it('count days in the server’s zone, so the dashboard reads them', async () => {
    expect(await rollupMatchesServerZone()).toBe(true);
  });

  it('equal a rebuild from scratch after a random sequence of writes of every kind', async () => {
    const names = Object.keys(operations);
    const ran: string[] = [];
    for (let step = 0; step < 60; step++) {
      const name = pick(names);
      ran.push(name);
      if (next(6) === 0) await undoable(operations[name]!);
      else await operations[name]!();
    }
    expect(await rollupDiff(client)).toEqual([]);
    await pool.query('SELECT dashboard_rollup_compact()');
    const { rows } = await pool.query<{ n: string; repeats: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE cardinality(gaps) > 0) AS repeats FROM work_rollup WHERE scope = 'org' AND actor_id = ANY($1::uuid[])`,
      [people.map((p) => p.id)],
    );
    // The sequence wrote work worth comparing: days, and denials written on again on a later day.
    expect(Number(rows[0]!.n), ran.join(' ')).toBeGreaterThan(20);
    expect(Number(rows[0]!.repeats)).toBeGreaterThan(2);
  });

  it('stay exact with two writers moving denials between the same groups at once, without deadlock', async () => {
    const writer = async (from: string, to: string, mine: string[]) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try {
        for (let round = 0; round < 15; round++) {
          await c.query('BEGIN');
          // Each writer its own denials, both through the same category, team and day keys, in opposite directions.
          await c.query(`UPDATE denial SET category = CASE WHEN category = $2 THEN $3 ELSE $2 END, "ownerId" = NULL WHERE id = ANY($1::uuid[])`, [mine, from, to]);
          await c.query(`UPDATE denial SET status = CASE WHEN status = 'written_off' THEN 'in_progress'::"DenialStatus" ELSE 'written_off'::"DenialStatus" END, "resolvedAt" = now() WHERE id = ANY($1::uuid[])`, [mine]);
          // Both writing on the same denials as the same person, on days either side of each other's.
          await c.query(
            `INSERT INTO denial_event (id, "denialId", "actorId", type, "createdAt") SELECT gen_random_uuid(), d, $2, 'note', $3 FROM unnest($1::uuid[]) d`,
            [ids.slice(0, 6), people[0]!.id, at(addDays(today, -next(20)), 10)],
          );
          await c.query('COMMIT');
          await c.query('SELECT dashboard_rollup_compact()');
        }
      } finally {
        await c.end();
      }
    };
    const half = Math.floor(ids.length / 2);
    await pool.query(`UPDATE denial SET category = $2 WHERE id = ANY($1::uuid[])`, [ids.slice(0, half), CATEGORIES[0]]);
    await pool.query(`UPDATE denial SET category = $2 WHERE id = ANY($1::uuid[])`, [ids.slice(half), CATEGORIES[1]]);
    await Promise.all([writer(CATEGORIES[0], CATEGORIES[1], ids.slice(0, half)), writer(CATEGORIES[1], CATEGORIES[0], ids.slice(half))]);
    expect(await rollupDiff(client)).toEqual([]);
  });

  it('take back a deleted denial (denials are never deleted; a repair that lifts the guard is counted too)', async () => {
    await client.query('BEGIN');
    try {
      await client.query('ALTER TABLE denial DISABLE TRIGGER denial_never_deleted');
      const { rowCount } = await client.query(`DELETE FROM denial WHERE id = ANY($1::uuid[])`, [ids.filter(() => next(5) === 0)]);
      expect(rowCount).toBeGreaterThan(0);
      expect(await rollupDiff(client, { inTransaction: true })).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('give the dashboard what its statements over denial and claim give, for each reach and filter it serves', async () => {
    await operations.insert!();
    // Open denials on either side of the first day the aging statement reads day by day (the first of the month
    // holding the oldest bounded bucket's edge; the months before it are read as monthly rows).
    const cut = `${addDays(today, -120).slice(0, 7)}-01` as IsoDate;
    ids.push(...(await createDenials([cut, addDays(cut, -1), addDays(cut, 1)].map((d) => ({ ...spec(), status: 'new' as const, resolvedAt: null, openedAt: at(d, 3), teamId: teams[0]! })))));
    await pool.query('SELECT dashboard_rollup_compact()');
    // Work written on since the last compaction: the worked statements add the pending marks (work_pending).
    await operations.work!();
    await operations.moveWork!();
    const pending = await pool.query(`SELECT count(*)::int AS n FROM work_dirty`);
    expect(pending.rows[0]!.n).toBeGreaterThan(0);
    const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
    const cases: [Actor, DashboardFilters][] = [
      [orgManager, {}],
      [orgManager, { payer: payers[1] }],
      [orgManager, { location: 'North Clinic' }],
      [orgManager, { location: 'none' }],
      [orgManager, { provider: 'Dr Able' }],
      [orgManager, { team: teams[1] }],
      [teamManager, {}],
      [loneManager, {}],
    ];
    let compared = 0;
    let workedCompared = 0;
    for (const [actor, filters] of cases) {
      const readClaims = actor === orgManager && !filters.team;
      const rollup = dashboardStatements(actor, filters, period, prior, today, { readClaims, rollupUsable: true });
      const denial = dashboardStatements(actor, filters, period, prior, today, { readClaims, rollupUsable: false });
      expect(rollup.fromRollup.denials).toBe(true);
      expect(rollup.fromRollup.claims).toBe(readClaims);
      for (const key of ['sums', 'carcs', 'open', 'claims', 'resolvedBy', 'worked'] as const) {
        const a = rollup[key];
        const b = denial[key];
        if (!a || !b) continue;
        // Each side as the dashboard runs it: the rollup's (one statement per chart for the sums) in one round trip.
        const run = (q: typeof a, small: boolean) => Promise.all((Array.isArray(q) ? q : [q]).map((x) => analyticQuery(x, { small }))).then((p) => p.flat());
        const [fromRollup, fromDenial] = await Promise.all([run(a, true), run(b, false)]);
        expect(sorted(fromRollup), `${key} for ${actor.name} ${JSON.stringify(filters)}`).toEqual(sorted(fromDenial));
        compared += fromDenial.length;
        if (key === 'worked') workedCompared += fromDenial.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(workedCompared).toBeGreaterThan(20);
  });

  it('count each denial a person wrote on once per period, on the period’s edges, folded and pending', async () => {
    // One location's denials only (its scope), written on by one person on days around the periods' edges.
    const location = `Edge Clinic ${Date.now()}`;
    const person = await createPerson('specialist', teams[0]!);
    const [d1, d2, d3, d4, d5] = await createDenials(
      Array.from({ length: 5 }, () => ({ payerId: payers[0]!, teamId: teams[0]!, ownerId: person.id, openedAt: at(prior.from), payeeName: location })),
    );
    const write = (denial: string, ...days: IsoDate[]) =>
      pool.query(
        `INSERT INTO denial_event (id, "denialId", "actorId", type, "createdAt") SELECT gen_random_uuid(), $1, $2, 'note', t FROM unnest($3::timestamptz[]) t`,
        [denial, person.id, days.map((d) => at(d, 11))],
      );
    const A = period.from;
    const worked = async () => {
      const both = [true, false].map((rollupUsable) => dashboardStatements(orgManager, { location }, period, prior, today, { readClaims: false, rollupUsable }).worked);
      const [fromRollup = [], fromTimeline = []] = await Promise.all(both.map((q) => analyticQuery<{ id: string; period: string; worked: number }>(q)));
      expect(fromRollup.sort((a, b) => a.period.localeCompare(b.period))).toEqual(fromTimeline.sort((a, b) => a.period.localeCompare(b.period)));
      return Object.fromEntries(fromRollup.map((r) => [r.period, r.worked]));
    };
    await write(d1!, addDays(A, -1), A); // once in each period
    await write(d2!, A, addDays(A, 1), addDays(A, 7)); // once: its later days reach back to A
    await write(d3!, prior.from, addDays(A, -1), today); // once in each
    await pool.query('SELECT dashboard_rollup_compact()');
    expect(await worked()).toEqual({ c: 3, p: 2 });
    // Written on since (marks not folded in): one new denial on A and the day after; d2 again on its own day.
    await write(d4!, A, addDays(A, 1));
    await write(d2!, addDays(A, 1));
    await write(d5!, addDays(prior.from, -1)); // before both periods
    expect(Number((await pool.query('SELECT count(*) AS n FROM work_dirty')).rows[0]!.n)).toBeGreaterThan(0);
    expect(await worked()).toEqual({ c: 4, p: 2 });
    await pool.query('SELECT dashboard_rollup_compact()');
    expect(await worked()).toEqual({ c: 4, p: 2 });
    // Moved to another place: no longer in this one's counts, folded or not.
    await pool.query(`UPDATE denial SET location = 'Elsewhere Clinic' WHERE id = $1`, [d1]);
    expect(await worked()).toEqual({ c: 3, p: 1 });
    await pool.query('SELECT dashboard_rollup_compact()');
    expect(await worked()).toEqual({ c: 3, p: 1 });
  });

  it('leave a question the rollup does not hold (two filters) to denial', () => {
    const s = dashboardStatements(orgManager, { payer: payers[0], location: 'North Clinic' }, period, prior, today, { readClaims: true, rollupUsable: true });
    expect(s.fromRollup).toEqual({ denials: false, claims: false });
  });

  it('are folded in after an import, so the first dashboard after a large file does not fold it', async () => {
    const identifier = unique('RLP');
    const pcn = unique('PCN');
    const bytes = remit([transaction(identifier, [deniedClaim(`${pcn}A`, `${pcn}A`, 10_000), deniedClaim(`${pcn}B`, `${pcn}B`, 20_000, '197')])]);
    const result = await ingest835(ingestActor, { filename: 'rollup.835', bytes });
    if (!result.ok) throw new Error(result.message);
    const { id: payerId } = await db.payer.findFirstOrThrow({ where: { identifier } });
    const scope = `payer:${payerId}`;
    const folded = await pool.query<{ opened: string; cents: string }>(
      `SELECT sum(opened)::text AS opened, sum(opened_cents)::text AS cents FROM dashboard_rollup WHERE scope = $1 AND dim = 'category' AND NOT monthly`, [scope]);
    expect(folded.rows[0]).toEqual({ opened: '2', cents: '30000' });
    const pending = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM dashboard_rollup_delta WHERE scope = $1`, [scope]);
    expect(pending.rows[0]!.n).toBe(0);
  });
});
