import { ChartPanel } from '@/components/dashboard/chart-panel';
import { ChartPatterns } from '@/components/dashboard/chart-patterns';
import { DashboardFilters } from '@/components/dashboard/dashboard-filters';
import { HeadlineCards } from '@/components/dashboard/headline-cards';
import Link from 'next/link';
import { LocalTime } from '@/components/local-time';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { type DashboardParams, dashboardParamsSchema, dashboardPeriod } from '@/lib/domain/contracts/dashboard';
import { headlines, sections } from '@/lib/domain/dashboard-sections';
import { can } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { dashboardMetrics } from '@/lib/server/metrics/dashboard';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Dashboard' };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

// Denial metrics for a period beside the prior one (docs/decisions/0026-dashboard-metrics.md): a server component
// reads the sums once; charts are client islands; every number opens the queue behind it.
// While the database is down: 503 via /unavailable, not the error page's 500 (lib/server/page-outage.ts).
export default answers503WhenDown(async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('view_metrics');
  const raw = await searchParams;
  const today = todayIso();
  const input = Object.fromEntries(['from', 'to', 'payer', 'location', 'provider', 'team'].map((k) => [k, first(raw[k])]));
  const parsed = dashboardParamsSchema.safeParse(input);
  const problems: string[] = [];
  let params: DashboardParams = {};
  if (parsed.success) params = parsed.data;
  else problems.push(`Ignored the filters: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
  let period = dashboardPeriod(params, today);
  if ('error' in period) {
    problems.push(`${period.error}; showing the default period.`);
    params = { ...params, from: undefined, to: undefined };
    period = dashboardPeriod(params, today) as Exclude<typeof period, { error: string }>;
  }
  const { from: _from, to: _to, ...filters } = params;
  // "Refresh" counts again; otherwise an answer from the last few seconds is shown.
  const dto = await dashboardMetrics(actor, period, filters, today, { fresh: first(raw.fresh) === '1' });
  const refresh = new URLSearchParams(Object.entries({ ...params, fresh: '1' }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  // The file holds the numbers of this page: same period, same filters (GET /api/exports/dashboard).
  const exportSearch = new URLSearchParams(
    Object.entries({ ...filters, from: period.from, to: period.to }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();

  return (
    <>
      <ChartPatterns />
      <PageHeader
        title="Dashboard"
        description={
          <>
            {dto.period.from} to {dto.period.to}, beside the prior {dto.prior.from} to {dto.prior.to}.{' '}
            {dto.scope === 'organisation' ? 'Every team.' : 'Your reach: your own, your team’s and the unassigned denials.'} Every number opens those denials in the
            queue.
          </>
        }
        actions={
          <>
            <span className="text-xs whitespace-nowrap text-slate-600">
              Counted <LocalTime iso={dto.countedAt} />
            </span>
            <Button asChild variant="ghost" size="sm">
              <Link href={`/dashboard?${refresh.toString()}`}>Refresh</Link>
            </Button>
            {can(actor, 'export_lists') ? (
              <Button asChild variant="secondary" size="sm">
                <a href={`/api/exports/dashboard?${exportSearch}`} download>
                  Export CSV
                </a>
              </Button>
            ) : null}
          </>
        }
      />
      {problems.map((p) => (
        <p key={p} role="alert" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {p}
        </p>
      ))}
      <DashboardFilters dto={dto} />
      <HeadlineCards headlines={headlines(dto)} />
      <div className="grid gap-4 xl:grid-cols-2">
        {sections(dto).map((s) => (
          <ChartPanel key={s.id} section={s} />
        ))}
      </div>
    </>
  );
});
