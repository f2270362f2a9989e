import Link from 'next/link';
import { dayLabel, monthLabel } from '@/components/feedback/month-label';
import { TrendTable } from '@/components/feedback/trend-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { categoryLabel } from '@/lib/domain/labels';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { frontDeskFeedback } from '@/lib/server/feedback/front-desk-feedback';
import { ChecklistEditor } from './checklist-editor';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Root-cause feedback' };

/** ?site=: one billing site's feedback (a site name as the remittance gives it; anything else is ignored). */
function siteParam(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value) ? value : null;
}

export default answers503WhenDown(async function FeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('view_feedback');
  const f = await frontDeskFeedback(actor, todayIso(), { site: siteParam((await searchParams).site) });
  const partialThrough = f.currentIsPartial ? f.today : null;
  const month = monthLabel(f.currentMonth);

  return (
    <>
      <PageHeader
        title="Root-cause feedback"
        description="Denials that start at registration, eligibility, authorization and benefits — and what to check before the visit."
        actions={<Link href="/feedback/prevention" className="text-sm font-medium text-brand-700 hover:underline">Prevention log</Link>}
      />
      {f.sites.length > 1 || f.site ? (
        <nav aria-label="Billing site" className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600">Site:</span>
          {[null, ...f.sites].map((s) => (
            <Link
              key={s ?? ''}
              href={s ? `/feedback?${new URLSearchParams({ site: s }).toString()}` : '/feedback'}
              aria-current={s === f.site ? 'page' : undefined}
              className={s === f.site ? 'rounded-md bg-brand-700 px-2 py-1 font-medium text-white' : 'rounded-md px-2 py-1 text-brand-700 hover:underline'}
            >
              {s ?? 'All sites'}
            </Link>
          ))}
        </nav>
      ) : null}
      {f.currentIsPartial ? (
        <p className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
          {month} is a partial month: counted through {dayLabel(f.today)}. Compare it with earlier months with that in mind.
        </p>
      ) : null}
      <div className="space-y-4">
        <Card>
          <CardHeader>
            <CardTitle>Top causes this month ({month}{f.currentIsPartial ? ', partial' : ''})</CardTitle>
          </CardHeader>
          {f.topCauses.length === 0 ? (
            <p className="p-4 text-sm text-slate-600">No front-desk denials yet this month.</p>
          ) : (
            <ol className="grid gap-0 divide-y divide-slate-100 lg:grid-cols-2 lg:divide-y-0">
              {f.topCauses.map((c) => (
                <li key={`${c.category}-${c.carc}`} className="px-4 py-3 text-sm">
                  <h3 className="font-medium">
                    {c.label} · <span className="font-mono text-xs">CARC {c.carc}</span>
                  </h3>
                  <p className="text-slate-600">{c.carcDescription}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {c.count} this month · {c.lastMonth} last month
                  </p>
                  <p className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">What to check before the visit</p>
                  <ul className="ml-4 list-disc text-slate-700">
                    {c.checklist.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>By cause and month</CardTitle>
            <span className="text-xs text-slate-500">denials, last {f.months.length} months</span>
          </CardHeader>
          <TrendTable caption="Front-desk denials by cause and month" keyLabel="Cause" lines={f.byCategory} months={f.months} partialThrough={partialThrough} totals={f.totals} />
          {f.patientBilled.length ? (
            <div className="border-t border-slate-200 px-4 py-3 text-sm">
              <p className="mb-1 font-medium text-slate-700">Also billed to patients because coverage was wrong at registration (claims, same months)</p>
              <ul className="flex flex-wrap gap-2">
                {f.patientBilled.map((a) => (
                  <li key={a.code}>
                    <Badge tone="warning" title={a.description}>
                      {a.code} · {a.count}
                    </Badge>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <div className="grid gap-4 xl:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>By location</CardTitle>
              <span className="text-xs text-slate-500">billing site on the remittance</span>
            </CardHeader>
            <TrendTable caption="Front-desk denials by location and month" keyLabel="Location" lines={f.byLocation} months={f.months} partialThrough={partialThrough} />
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>By payer</CardTitle>
            </CardHeader>
            <TrendTable caption="Front-desk denials by payer and month" keyLabel="Payer" lines={f.byPayer} months={f.months} partialThrough={partialThrough} />
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Recent examples</CardTitle>
            <span className="text-xs text-slate-500">one per claim and cause · member ids masked</span>
          </CardHeader>
          <ul className="divide-y divide-slate-100">
            {f.examples.map((e, i) => (
              <li key={i} className="px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{categoryLabel(e.category)}</span>
                  <span className="text-xs text-slate-500">
                    {e.payerName} · {e.location} · member {e.memberIdMasked ?? 'not given'}
                    {e.serviceDate ? ` · seen ${dayLabel(e.serviceDate)}` : ''} · denied {dayLabel(e.deniedOn)}
                  </span>
                </div>
                {e.codes.map((c) => (
                  <p key={`${c.kind}${c.code}`} className="mt-1 text-slate-600" title={c.description}>
                    <Badge>{c.kind} {c.code}</Badge> {c.description}
                  </p>
                ))}
              </li>
            ))}
            {f.examples.length === 0 ? <li className="px-4 py-3 text-sm text-slate-600">Nothing to coach on yet.</li> : null}
          </ul>
        </Card>
        {f.canEditChecklists ? (
          <Card>
            <CardHeader>
              <CardTitle>Edit the checklists</CardTitle>
              <span className="text-xs text-slate-500">what the front desk sees under each cause</span>
            </CardHeader>
            <div className="divide-y divide-slate-100">
              {f.checklists.map((c) => (
                <ChecklistEditor key={c.category} checklist={c} />
              ))}
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
});
