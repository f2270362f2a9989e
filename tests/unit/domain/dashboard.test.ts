import { describe, expect, it } from 'vitest';
import { type DashboardDto, dashboardParamsSchema, dashboardPeriod } from '@/lib/domain/contracts/dashboard';
import { denialLink, monthWithin, openLink, workLink } from '@/lib/domain/dashboard-links';
import { chartSeries, headlines, sections } from '@/lib/domain/dashboard-sections';
import { dashboardCsvRows } from '@/lib/domain/dashboard-tables';
import { EMPTY_DENIAL_SUMS } from '@/lib/domain/metrics';
import { parseQueueUrl, queueParamsSchema, queueParamsToSearch } from '@/lib/domain/queue-params';

const params = (link: string) => Object.fromEntries(new URL(link, 'http://x').searchParams);

describe('the queue’s dashboard filters', () => {
  it('read dates, places, team, avoidable, level and recovered, and write them back the same', () => {
    const q = queueParamsSchema.parse({ openedFrom: '2025-03-01', openedTo: '2025-03-31', location: 'North Clinic', level: 'none', avoidable: 'true', recovered: 'false' });
    expect(queueParamsSchema.parse(Object.fromEntries(queueParamsToSearch(q)))).toEqual(q);
  });

  it('refuse a range that ends before it starts, and drop a bad date with a notice', () => {
    expect(queueParamsSchema.safeParse({ resolvedFrom: '2025-04-01', resolvedTo: '2025-03-01' }).success).toBe(false);
    const { params: p, dropped } = parseQueueUrl({ openedFrom: '2025-02-30', level: '9' });
    expect(p).toEqual({});
    expect(dropped.map((d) => d.key).sort()).toEqual(['level', 'openedFrom']);
  });
});

describe('dashboard links', () => {
  const period = { from: '2025-03-01', to: '2025-03-31' };
  it('carry the period, the filters, the group and the measure', () => {
    expect(params(denialLink({ payer: '0190f3c4-4a3b-7a3c-9d2e-1b2c3d4e5f60', team: '0190f3c4-4a3b-7a3c-9d2e-1b2c3d4e5f61' }, period, 'recovered', 'level', '2')!)).toEqual({
      payer: '0190f3c4-4a3b-7a3c-9d2e-1b2c3d4e5f60',
      team: '0190f3c4-4a3b-7a3c-9d2e-1b2c3d4e5f61',
      resolvedFrom: '2025-03-01',
      resolvedTo: '2025-03-31',
      level: '2',
      recovered: 'true',
    });
    expect(params(denialLink({}, period, 'writtenOff')!)).toMatchObject({ status: 'written_off' });
    expect(denialLink({}, period, 'opened', 'category', 'not_a_category')).toBeNull();
  });

  it('clip a month to the span and give aging buckets as first-denied ranges of open denials', () => {
    expect(monthWithin('2025-02', { from: '2025-02-10', to: '2025-05-31' })).toEqual({ from: '2025-02-10', to: '2025-02-28' });
    expect(monthWithin('2024-02', { from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(params(openLink({}, '2025-06-30', '31-60'))).toMatchObject({ openedFrom: '2025-05-01', openedTo: '2025-05-30' });
    expect(params(workLink({}, period, '0190f3c4-4a3b-7a3c-9d2e-1b2c3d4e5f60', 'worked'))).toMatchObject({ workedFrom: '2025-03-01', by: '0190f3c4-4a3b-7a3c-9d2e-1b2c3d4e5f60' });
  });
});

describe('the dashboard’s period', () => {
  it('defaults to the last 90 days and refuses more than a year', () => {
    expect(dashboardPeriod({}, '2025-06-30')).toEqual({ from: '2025-04-02', to: '2025-06-30' });
    expect(dashboardPeriod(dashboardParamsSchema.parse({ from: '2023-01-01', to: '2025-01-01' }), '2025-06-30')).toEqual({ error: 'A period is at most 366 days' });
    expect(dashboardParamsSchema.safeParse({ from: '2025-05-01', to: '2025-04-01' }).success).toBe(false);
  });
});

describe('dashboard tables', () => {
  const sums = { ...EMPTY_DENIAL_SUMS, opened: 4, openedCents: 400_00, resolved: 2, resolvedCents: 300_00, recovered: 1, recoveredCents: 100_00 };
  const dto: DashboardDto = {
    today: '2025-06-30',
    countedAt: '2025-06-30T12:00:00.000Z',
    period: { from: '2025-06-01', to: '2025-06-30' },
    prior: { from: '2025-05-02', to: '2025-05-31' },
    filters: {},
    scope: 'organisation',
    current: sums,
    priorSums: EMPTY_DENIAL_SUMS,
    claims: { current: { adjudicated: 10, billedCents: 1000_00, denied: 4, deniedCents: 400_00 }, prior: { adjudicated: 0, billedCents: 0, denied: 0, deniedCents: 0 } },
    open: { open: 2, openCents: 200_00 },
    aging: [{ key: '0-30', label: '0–30', sums: { open: 2, openCents: 200_00 } }],
    months: [{ key: '2025-06', sums }],
    byPayer: [{ key: 'p1', label: 'Acme', current: sums, prior: EMPTY_DENIAL_SUMS }],
    byCategory: [],
    byDepartment: [],
    byCarc: [],
    byLocation: [],
    byProvider: [],
    byLevel: [{ key: 'none', label: 'Not appealed', current: sums, prior: EMPTY_DENIAL_SUMS }],
    people: [],
    options: { payers: [], teams: [] },
  };

  it('give every headline and section number as one CSV row, unformatted', () => {
    const rows = dashboardCsvRows(dto);
    expect([...new Set(rows.map((r) => r.table))]).toEqual(['Headline numbers', ...sections(dto).filter((s) => s.rows.length > 0).map((s) => s.title)]);
    const rate = rows.filter((r) => r.row === 'Initial denial rate');
    expect(rate.map((r) => [r.measure, r.value, r.format])).toEqual([
      ['This period (2025-06-01 to 2025-06-30)', 0.4, 'percent'],
      ['Prior period (2025-05-02 to 2025-05-31)', null, 'percent'],
    ]);
    expect(rows.find((r) => r.row === 'Overturn rate' && r.measure.startsWith('This'))?.value).toBe(0.5);
    expect(rows.filter((r) => r.table === 'Denial dollars by payer').map((r) => [r.row, r.value, r.format])).toEqual([
      ['Acme', 400_00, 'usd'],
      ['Acme', 0, 'usd'],
    ]);
  });

  it('link every denial number to the queue, and draw one unit per chart', () => {
    expect(headlines(dto).find((h) => h.id === 'denials')?.current.href).toMatch(/^\/queue\?.*openedFrom=2025-06-01/);
    for (const s of sections(dto)) expect(new Set(chartSeries(s).map((x) => x.format)).size).toBeLessThanOrEqual(1);
  });
});
