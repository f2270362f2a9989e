import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFilters } from '@/lib/domain/contracts/dashboard';
import { denialLink, monthWithin, openLink, workLink } from '@/lib/domain/dashboard-links';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { type DenialStatus, isOpen } from '@/lib/domain/lifecycle';
import {
  type DenialRow,
  type Period,
  agingBuckets,
  EMPTY_DENIAL_SUMS,
  priorPeriod,
  sumDenials,
  sumOpen,
  sumsBy,
} from '@/lib/domain/metrics';
import type { Actor } from '@/lib/domain/permissions';
import { parseQueueUrl } from '@/lib/domain/queue-params';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { listQueue } from '@/lib/server/denials/list-queue';
import { dashboardCsvRows } from '@/lib/domain/dashboard-tables';
import { exportDashboard } from '@/lib/server/export/export-dashboard';
import { dashboardMetrics } from '@/lib/server/metrics/dashboard';
import { createDenials, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { readCsv } from '../exports/read-csv';

const today = todayIso();
const period: Period = { from: addDays(today, -59), to: today };
const prior = priorPeriod(period);
const at = (day: IsoDate) => new Date(`${day}T12:00:00`);

let manager: Actor;
let specialist: Actor;
let frontDesk: Actor;
let team: string;
let payers: string[];
const rows: (DenialRow & { id: string; ownerId: string | null })[] = [];
const worked = new Map<string, Set<string>>();

// A small deterministic generator: the same varied set on every run.
let seed = 7;
const next = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

beforeAll(async () => {
  team = (await createTeam()).id;
  manager = await createPerson('manager', team, 'Morgan Metrics');
  specialist = await createPerson('specialist', team, 'Sasha Metrics');
  const other = await createPerson('specialist', team, 'Toni Metrics');
  frontDesk = await createPerson('front_desk', team);
  payers = [(await createPayer()).id, (await createPayer()).id, (await createPayer()).id];
  const categories = ['medical_necessity', 'eligibility_coverage', 'coding_modifiers'];
  const departments = ['clinical', 'front_desk', 'coding'];
  const closed: DenialStatus[] = ['resolved_paid', 'resolved_partial', 'written_off'];
  const open: DenialStatus[] = ['new', 'in_progress', 'appealed'];
  const specs = [];
  for (let i = 0; i < 90; i++) {
    const openedOn = addDays(today, -next(170));
    const isClosed = next(2) === 0;
    const status = isClosed ? closed[next(3)]! : open[next(3)]!;
    const resolvedOn = isClosed ? [addDays(openedOn, next(40))].map((d) => (d > today ? today : d))[0]! : null;
    const deniedCents = 1_000 + next(50) * 1_000;
    const recoveredCents = status === 'resolved_paid' ? deniedCents : status === 'resolved_partial' ? Math.floor(deniedCents / 3) : status === 'written_off' ? (next(2) ? 500 : 0) : next(4) === 0 ? 700 : 0;
    const spec = {
      payerId: payers[next(3)]!,
      teamId: team,
      ownerId: [specialist.id, other.id, null][next(3)]!,
      status,
      category: categories[next(3)]!,
      department: departments[next(3)]!,
      carcCodes: next(3) === 0 ? ['50', '197'] : [['16', '50', '197'][next(3)]!],
      deniedCents,
      recoveredCents,
      avoidable: next(2) === 0,
      openedAt: at(openedOn),
      resolvedAt: resolvedOn ? at(resolvedOn) : null,
      appealLevel: next(3) === 0 ? ['1', '2'][next(2)]! : null,
      payeeName: ['North Clinic', 'South Clinic', null][next(3)]!,
      providerName: ['Dr Ada', 'Dr Bo'][next(2)]!,
    };
    specs.push(spec);
  }
  const ids = await createDenials(specs);
  specs.forEach((s, i) => {
    rows.push({
      id: ids[i]!,
      ownerId: s.ownerId,
      payerId: s.payerId,
      category: s.category,
      department: s.department,
      carcCodes: s.carcCodes,
      location: s.payeeName,
      provider: s.providerName,
      appealLevel: s.appealLevel,
      avoidable: s.avoidable,
      deniedCents: s.deniedCents,
      recoveredCents: s.recoveredCents,
      status: s.status,
      firstDeniedOn: todayIso(s.openedAt),
      resolvedOn: s.resolvedAt ? todayIso(s.resolvedAt) : null,
    });
  });
  // Work on timelines: the specialist wrote on some denials in the period (twice on one: it counts once).
  const events = [];
  for (const [i, id] of ids.entries()) {
    if (i % 4 !== 0) continue;
    const on = addDays(today, -next(50));
    events.push({ denialId: id, actorId: specialist.id, type: 'note', createdAt: at(on) }, { denialId: id, actorId: specialist.id, type: 'note', createdAt: at(on) });
    worked.set(specialist.id, (worked.get(specialist.id) ?? new Set()).add(id));
  }
  await db.denialEvent.createMany({ data: events });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const load = (f: DashboardFilters = {}, actor = manager) => dashboardMetrics(actor, period, { team, ...f }, today);

async function queueCount(actor: Actor, link: string): Promise<number> {
  const url = new URL(link, 'http://x');
  const { params, dropped } = parseQueueUrl(Object.fromEntries(url.searchParams));
  expect(dropped).toEqual([]);
  const page = await listQueue(actor, params, today);
  expect(page.total?.estimated).toBe(false);
  return page.total!.count;
}

describe('the dashboard’s numbers are the metric functions over the same rows', () => {
  it('gives the period’s and the prior period’s sums', async () => {
    const dto = await load();
    expect(dto.current).toEqual(sumDenials(rows, period));
    expect(dto.priorSums).toEqual(sumDenials(rows, prior));
    expect(dto.current.opened).toBeGreaterThan(10);
    expect(dto.current.resolved).toBeGreaterThan(5);
  });

  it('gives each breakdown as the same sums per group', async () => {
    const dto = await load();
    const check = (groups: { key: string; current: typeof EMPTY_DENIAL_SUMS; prior: typeof EMPTY_DENIAL_SUMS }[], by: Parameters<typeof sumsBy>[1]) => {
      const expected = sumsBy(rows, by, period);
      const expectedPrior = sumsBy(rows, by, prior);
      const keys = new Set([...expected.keys(), ...expectedPrior.keys()]);
      expect(new Set(groups.map((g) => g.key)), by).toEqual(keys);
      for (const g of groups) {
        expect(g.current, `${by} ${g.key}`).toEqual(expected.get(g.key) ?? EMPTY_DENIAL_SUMS);
        if (by !== 'carc') expect(g.prior, `${by} ${g.key} prior`).toEqual(expectedPrior.get(g.key) ?? EMPTY_DENIAL_SUMS);
      }
    };
    check(dto.byPayer, 'payer');
    check(dto.byCategory, 'category');
    check(dto.byDepartment, 'department');
    check(dto.byLocation, 'location');
    check(dto.byProvider, 'provider');
    check(dto.byLevel, 'level');
    // CARC: denials first denied, under each of their CARCs.
    for (const g of dto.byCarc) expect(g.current.openedCents).toBe(sumsBy(rows, 'carc', period).get(g.key)?.openedCents);
    const months = sumsBy(rows, 'month', { from: prior.from, to: period.to });
    expect(Object.fromEntries(dto.months.map((m) => [m.key, m.sums]))).toEqual(Object.fromEntries(months));
  });

  it('gives open work and aging as of today', async () => {
    const dto = await load();
    expect(dto.open).toEqual(sumOpen(rows));
    expect(dto.aging.map((b) => b.sums)).toEqual(agingBuckets(rows, today).map((b) => b.sums));
  });

  it('gives each person’s work: distinct denials worked, resolved while owned, and recovered on those', async () => {
    const dto = await load();
    const sasha = dto.people.find((p) => p.id === specialist.id)!;
    const resolved = rows.filter((r) => r.ownerId === specialist.id && !isOpen(r.status) && r.resolvedOn! >= period.from && r.resolvedOn! <= period.to);
    expect(sasha.current).toEqual({
      worked: worked.get(specialist.id)!.size,
      resolved: resolved.length,
      recoveredCents: resolved.reduce((n, r) => n + r.recoveredCents, 0),
    });
  });

  it('narrows every number by the filters', async () => {
    const payer = payers[1]!;
    const dto = await load({ payer, location: 'North Clinic' });
    const mine = rows.filter((r) => r.payerId === payer && r.location === 'North Clinic');
    expect(dto.current).toEqual(sumDenials(mine, period));
    expect(dto.open).toEqual(sumOpen(mine));
    const byProvider = await load({ provider: 'Dr Bo' });
    expect(byProvider.current).toEqual(sumDenials(rows.filter((r) => r.provider === 'Dr Bo'), period));
  });

  it('gives a specialist the same numbers over their reach (their team’s work)', async () => {
    const dto = await load({}, specialist);
    expect(dto.current).toEqual(sumDenials(rows, period));
    expect(dto.claims).toBeNull();
  });

  it('refuses the front desk, and audits a view', async () => {
    await expect(load({}, frontDesk)).rejects.toMatchObject({ code: 'forbidden' });
    const before = await db.auditEvent.count({ where: { action: 'metrics.view', actorId: manager.id } });
    await load();
    expect(await db.auditEvent.count({ where: { action: 'metrics.view', actorId: manager.id } })).toBe(before + 1);
  });
});

describe('every number opens the queue showing exactly the denials behind it', () => {
  const f = () => ({ team }) as DashboardFilters;
  it('matches the headline numbers', async () => {
    const dto = await load();
    expect(await queueCount(manager, denialLink(f(), period, 'opened')!)).toBe(dto.current.opened);
    expect(await queueCount(manager, denialLink(f(), period, 'avoidable')!)).toBe(dto.current.avoidable);
    expect(await queueCount(manager, denialLink(f(), period, 'resolved')!)).toBe(dto.current.resolved);
    expect(await queueCount(manager, denialLink(f(), period, 'recovered')!)).toBe(dto.current.recovered);
    expect(await queueCount(manager, denialLink(f(), period, 'writtenOff')!)).toBe(dto.current.writtenOff);
    expect(await queueCount(manager, denialLink(f(), prior, 'opened')!)).toBe(dto.priorSums.opened);
    expect(await queueCount(manager, openLink(f(), today))).toBe(dto.open.open);
  });

  it('matches each group, month, bucket and person', async () => {
    const payer = payers[0]!;
    const dto = await load({ payer });
    const fp = { team, payer };
    for (const g of dto.byCategory) expect(await queueCount(manager, denialLink(fp, period, 'opened', 'category', g.key)!)).toBe(g.current.opened);
    for (const g of dto.byLocation) expect(await queueCount(manager, denialLink(fp, period, 'opened', 'location', g.key)!)).toBe(g.current.opened);
    for (const g of dto.byLevel) expect(await queueCount(manager, denialLink(fp, period, 'recovered', 'level', g.key)!)).toBe(g.current.recovered);
    for (const g of dto.byCarc) expect(await queueCount(manager, denialLink(fp, period, 'opened', 'carc', g.key)!)).toBe(g.current.opened);
    const span = { from: prior.from, to: period.to };
    for (const m of dto.months) {
      expect(await queueCount(manager, denialLink(fp, monthWithin(m.key, span), 'opened', 'month', m.key)!)).toBe(m.sums.opened);
      expect(await queueCount(manager, denialLink(fp, monthWithin(m.key, span), 'resolved', 'month', m.key)!)).toBe(m.sums.resolved);
    }
    for (const b of dto.aging) expect(await queueCount(manager, openLink(fp, today, b.key))).toBe(b.sums.open);
    for (const p of dto.people) {
      expect(await queueCount(manager, workLink(fp, period, p.id, 'worked'))).toBe(p.current.worked);
      expect(await queueCount(manager, workLink(fp, period, p.id, 'resolved'))).toBe(p.current.resolved);
    }
  });

  it('lets a specialist open the same drill-down within their reach', async () => {
    const dto = await load({}, specialist);
    expect(await queueCount(specialist, denialLink(f(), period, 'resolved')!)).toBe(dto.current.resolved);
  });
});


describe('the dashboard’s CSV export', () => {
  it('holds the page’s numbers for the same period and filters, money in dollars, and is audited with its row count', async () => {
    const payer = payers[0]!;
    const dto = await dashboardMetrics(manager, period, { payer }, today);
    const expected = dashboardCsvRows(dto);
    const csv = await readCsv(await exportDashboard(manager, { payer, from: period.from, to: period.to }, today));
    expect(csv.bom).toBe(true);
    expect(csv.header).toEqual(['Table', 'Row', 'Measure', 'Value', 'Unit']);
    expect(csv.rows).toHaveLength(expected.length);
    const denied = expected.findIndex((r) => r.table === 'Headline numbers' && r.row === 'Denied dollars');
    expect(csv.rows[denied]!.slice(0, 2)).toEqual(['Headline numbers', 'Denied dollars']);
    // Cents written as dollars, exactly: 123456 cents → "1234.56".
    const cents = expected[denied]!.value!;
    expect(csv.rows[denied]![3]).toBe(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
    expect(csv.rows[denied]![4]).toBe('USD');
    const rate = expected.findIndex((r) => r.format === 'percent' && r.value !== null);
    expect(Number(csv.rows[rate]![3])).toBeCloseTo(expected[rate]!.value!, 10);

    const completed = await db.auditEvent.findFirst({ where: { actorId: manager.id, action: 'export.completed' }, orderBy: { id: 'desc' } });
    expect(completed?.details).toMatchObject({ list: 'dashboard', rows: expected.length, payer });
  });

  it('refuses the front desk, and a period longer than a year with a message', async () => {
    await expect(exportDashboard(frontDesk, {}, today)).rejects.toMatchObject({ status: 403 });
    await expect(exportDashboard(manager, { from: addDays(today, -800), to: today }, today)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/at most/) });
  });
});
