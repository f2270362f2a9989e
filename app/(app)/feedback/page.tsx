import { Badge } from '@/components/ui/badge';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { categoryLabel } from '@/lib/domain/labels';
import { requirePermission } from '@/lib/server/auth';
import { frontDeskFeedback } from '@/lib/server/feedback/front-desk-feedback';

export const metadata = { title: 'Root-cause feedback' };

const monthName = (key: string) =>
  new Date(`${key}-01T00:00:00Z`).toLocaleString('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

export default async function FeedbackPage() {
  const actor = await requirePermission('view_feedback');
  const feedback = await frontDeskFeedback(actor, new Date());
  const max = Math.max(1, ...feedback.categories.flatMap((c) => c.byMonth.map((m) => m.count)));

  return (
    <>
      <PageHeader
        title="Root-cause feedback"
        description="Denials that start at registration, eligibility and authorization — what to check before the visit."
      />
      <div className="grid gap-4 lg:grid-cols-[1fr_380px]">
        <Card>
          <CardHeader>
            <CardTitle>Front-desk denials by month</CardTitle>
            <span className="text-xs text-slate-500">last {feedback.months.length} months</span>
          </CardHeader>
          {feedback.categories.length === 0 ? (
            <p className="p-4 text-sm text-slate-600">No front-desk denials in this period.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium">Root cause</th>
                  {feedback.months.map((m) => (
                    <th key={m} className="px-2 py-2 text-right font-medium">
                      {monthName(m)}
                    </th>
                  ))}
                  <th className="px-4 py-2 font-medium">Most frequent codes</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {feedback.categories.map((c) => (
                  <tr key={c.category}>
                    <td className="px-4 py-2 font-medium">{categoryLabel(c.category)}</td>
                    {c.byMonth.map((m) => (
                      <td key={m.month} className="px-2 py-2 text-right tabular-nums">
                        <span className="inline-flex items-center gap-1.5">
                          <span className="inline-block h-2 rounded-sm bg-brand-600/70" style={{ width: `${(m.count / max) * 40}px` }} aria-hidden />
                          {m.count}
                        </span>
                      </td>
                    ))}
                    <td className="px-4 py-2">
                      <div className="flex flex-wrap gap-1">
                        {c.topCodes.map((code) => (
                          <Badge key={code.code} title={code.description}>
                            CARC {code.code} · {code.count}
                          </Badge>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {feedback.patientCoverageAdjustments.length ? (
            <div className="border-t border-slate-200 px-4 py-3 text-sm">
              <p className="mb-1 font-medium text-slate-700">Billed to patients because coverage was wrong at registration</p>
              <ul className="flex flex-wrap gap-2">
                {feedback.patientCoverageAdjustments.map((a) => (
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
        <Card>
          <CardHeader>
            <CardTitle>Coaching examples</CardTitle>
          </CardHeader>
          <ul className="divide-y divide-slate-100">
            {feedback.examples.map((e, i) => (
              <li key={i} className="px-4 py-3 text-sm">
                <div className="flex items-center justify-between">
                  <span className="font-medium">{categoryLabel(e.category)}</span>
                  <span className="text-xs text-slate-500">
                    {e.payerName}
                    {e.serviceMonth ? ` · seen ${monthName(e.serviceMonth)}` : ''}
                  </span>
                </div>
                {[...e.carcCodes.map((c) => ({ ...c, kind: 'CARC' })), ...e.rarcCodes.map((r) => ({ ...r, kind: 'RARC' }))].map((c) => (
                  <p key={`${c.kind}${c.code}`} className="mt-1 line-clamp-2 text-slate-600" title={c.description}>
                    <span className="font-mono text-xs text-slate-800">
                      {c.kind} {c.code}
                    </span>{' '}
                    {c.description}
                  </p>
                ))}
              </li>
            ))}
            {feedback.examples.length === 0 ? <li className="px-4 py-3 text-sm text-slate-600">Nothing to coach on yet.</li> : null}
          </ul>
        </Card>
      </div>
    </>
  );
}
