'use client';
import { CodeChips } from '@/components/denials/code-chips';
import { DueDate } from '@/components/denials/due-date';
import { outcomeText } from '@/components/denials/outcome';
import { daysText, formatDate, formatDateTime, formatScore } from '@/components/denials/format';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { AdjustmentDto, DenialDetailDto, RemarkDto } from '@/lib/domain/contracts/denials';
import { FREQUENCY_LABEL, type FrequencyCode } from '@/lib/domain/appeals/corrected-claim';
import { DEADLINE_KIND_LABEL } from '@/lib/domain/denial-labels';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';
import { formatUsd } from '@/lib/domain/money';

const URGENCY_TONE = { missed: 'danger', due_soon: 'warning', ok: 'neutral' } as const;

export function DeadlineCard({ d }: { d: DenialDetailDto }) {
  const w = d.deadlines.working;
  const tf = d.deadlines.timelyFiling;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Deadline</CardTitle>
        {w ? <Badge tone={URGENCY_TONE[w.urgency]}>{w.urgency === 'missed' ? 'Missed' : daysText(w.daysLeft)}</Badge> : null}
      </CardHeader>
      <div className="space-y-2 px-4 py-3 text-sm">
        {w ? (
          <>
            <div className="flex items-baseline gap-2">
              <span className={cn('text-xl font-semibold tabular-nums', w.urgency === 'missed' ? 'text-red-700' : 'text-slate-900')}>{formatDate(w.date)}</span>
              <span className="text-slate-600">{DEADLINE_KIND_LABEL[w.kind] ?? w.kind}</span>
            </div>
            <p className="text-xs text-slate-600">{w.basis}</p>
            {w.urgency === 'missed' ? <p className="text-xs font-medium text-red-700">The window has closed: a late appeal needs good cause, or write it off.</p> : null}
          </>
        ) : (
          <>
            <p className="text-slate-600">Nothing due from us: {d.deadlines.waitingReason ?? 'no deadline known'}.</p>
            {d.deadlines.followUpDue && d.followUpDate ? (
              <p className="text-xs font-medium text-amber-800">Follow-up {formatDate(d.followUpDate)} has come: check the status with the payer.</p>
            ) : null}
          </>
        )}
        <p className="border-t border-slate-100 pt-2 text-xs text-slate-600">
          Timely filing: {'date' in tf ? `${formatDate(tf.date)} — ${tf.basis.replace(/^Timely filing: /, '')}` : tf.reason}
        </p>
      </div>
    </Card>
  );
}

export function ScoreCard({ d }: { d: DenialDetailDto }) {
  const s = d.scoreBreakdown;
  const part = (label: string, value: string, hint: string) => (
    <div className="flex flex-col">
      <span className="text-[11px] text-slate-500 uppercase">{label}</span>
      <span className="font-semibold tabular-nums text-slate-900">{value}</span>
      <span className="text-[11px] text-slate-500">{hint}</span>
    </div>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Priority score</CardTitle>
        <span className="text-xl font-semibold tabular-nums text-slate-900">{formatScore(s.score)}</span>
      </CardHeader>
      <div className="space-y-2 px-4 py-3 text-sm">
        <div className="grid grid-cols-[auto_auto_auto_auto_auto_auto_auto] items-start gap-x-2 text-center">
          {part('Denied', formatUsd(s.amountCents), 'amount')}
          <span className="pt-3 text-slate-500">×</span>
          {part('Recovery', `${Math.round(s.likelihood * 100)}%`, 'likelihood')}
          <span className="pt-3 text-slate-500">×</span>
          {part('Urgency', s.urgency.toFixed(2), 'deadline')}
          <span className="pt-3 text-slate-500">÷</span>
          {part('Effort', s.effort.toFixed(2), 'category')}
        </div>
        <p className="text-xs text-slate-600">{s.explanation || 'Not scored yet.'}</p>
        {s.scoredAt ? (
          <p className="text-[11px] text-slate-500">
            Scored <time suppressHydrationWarning>{formatDateTime(s.scoredAt)}</time>; rescored on every change and nightly.
          </p>
        ) : null}
      </div>
    </Card>
  );
}

function AdjustmentRows({ adjustments, remarks }: { adjustments: AdjustmentDto[]; remarks: RemarkDto[] }) {
  if (adjustments.length + remarks.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5">
      {adjustments.map((a) => (
        <li key={a.id} className="flex gap-2 text-xs">
          <span className={cn('w-16 shrink-0 font-mono', a.kind === 'denial' ? 'font-semibold text-red-700' : 'text-slate-500')}>
            {a.groupCode}-{a.reasonCode}
          </span>
          <span className="w-20 shrink-0 text-right tabular-nums">{formatUsd(a.amountCents)}</span>
          <span className="text-slate-700">
            {a.description ?? 'Not in the official CARC list.'} <span className="text-slate-500">({a.kind.replace('_', ' ')})</span>
          </span>
        </li>
      ))}
      {remarks.map((r) => (
        <li key={r.id} className="flex gap-2 text-xs">
          <span className="w-16 shrink-0 font-mono text-violet-800">{r.code}</span>
          <span className="w-20 shrink-0 text-right text-slate-500">{r.source}</span>
          <span className="text-slate-700">{r.description ?? 'Not in the official RARC list.'}</span>
        </li>
      ))}
    </ul>
  );
}

export function ClaimSection({ d }: { d: DenialDetailDto }) {
  const c = d.claim;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Claim and service lines</CardTitle>
        <span className="text-xs text-slate-500">
          Billed {formatUsd(c.billedCents)} · paid {formatUsd(c.paidCents)} · patient {formatUsd(c.patientRespCents)} · CLP02 {c.statusCode}
        </span>
      </CardHeader>
      <div className="divide-y divide-slate-100 text-sm">
        {c.adjustments.length + c.remarks.length > 0 ? (
          <div className="px-4 py-2">
            <div className="text-xs font-medium text-slate-500">Claim level</div>
            <AdjustmentRows adjustments={c.adjustments} remarks={c.remarks} />
          </div>
        ) : null}
        {c.lines.map((l) => (
          <div key={l.id} className="px-4 py-2">
            <div className="flex flex-wrap items-baseline gap-x-3 text-xs">
              <span className="font-medium text-slate-800">Line {l.lineNumber}</span>
              <span className="font-mono">{l.procedure ?? l.revenueCode ?? '—'}</span>
              <span className="text-slate-500">{formatDate(l.serviceDate)}</span>
              <span className="text-slate-500">units {l.units ?? '—'}</span>
              <span className="ml-auto tabular-nums text-slate-600">
                billed {formatUsd(l.billedCents)} · paid {formatUsd(l.paidCents)}
                {l.allowedCents !== null ? ` · allowed ${formatUsd(l.allowedCents)}` : ''}
              </span>
            </div>
            <AdjustmentRows adjustments={l.adjustments} remarks={l.remarks} />
          </div>
        ))}
        {c.lines.length === 0 && c.adjustments.length === 0 ? <p className="px-4 py-3 text-xs text-slate-500">The remittance listed no lines or adjustments for this claim.</p> : null}
      </div>
    </Card>
  );
}

export function FactsCard({ d }: { d: DenialDetailDto }) {
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[110px_1fr] gap-2 py-1">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-800">{value}</dd>
    </div>
  );
  const r = d.remittance;
  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <dl className="divide-y divide-slate-100 px-4 py-2">
        {row('Category', categoryLabel(d.category))}
        {row('Department', departmentLabel(d.department))}
        {row('Avoidable', d.avoidable ? 'Yes' : 'No')}
        {row('Codes', <CodeChips carc={d.carcCodes} rarc={d.rarcCodes} codes={d.codes} />)}
        {d.outcome ? row('Outcome', outcomeText(d.outcome)) : row('Due', <DueDate deadline={d.deadline} />)}
        {row('Owner', d.owner?.name ?? 'Unassigned')}
        {row('Team', d.team?.name ?? '—')}
        {row('Follow-up', formatDate(d.followUpDate))}
        {row('Service date', formatDate(d.serviceDate))}
        {row('Notice date', formatDate(d.noticeDate))}
        {row('Member ID', d.claim.memberId ?? '—')}
        {row('Provider', d.claim.renderingProvider ?? '—')}
        {row('Remittance', (
          <span className="text-xs">
            {r.file.filename}
            <br />
            Trace {r.traceNumber ?? '—'} · paid {formatDate(r.paymentDate)} · {formatUsd(r.totalPaidCents)}
            {r.payeeName ? <><br />to {r.payeeName}</> : null}
          </span>
        ))}
        {d.recoveredCents > 0 ? row('Recovered', formatUsd(d.recoveredCents)) : null}
        {d.resubmissions.length
          ? row('Resubmissions', (
              <ul className="space-y-1 text-xs" aria-label="Corrected claims sent">
                {d.resubmissions.map((r) => (
                  <li key={r.id}>
                    <span className="font-medium">{FREQUENCY_LABEL[r.frequencyCode as FrequencyCode] ?? `Frequency ${r.frequencyCode}`}</span>, sent {formatDate(r.sentOn)}
                    {r.payerClaimNumber ? <> · replaces <span className="font-mono">{r.payerClaimNumber}</span></> : null}
                    {r.newClaimNumber ? <> · new claim <span className="font-mono">{r.newClaimNumber}</span></> : null}
                    <br />
                    Follow-up {formatDate(r.followUpOn)} · {r.checklist.length} checklist {r.checklist.length === 1 ? 'item' : 'items'} ticked
                    {r.createdBy ? ` · ${r.createdBy}` : ''}
                  </li>
                ))}
              </ul>
            ))
          : null}
        {d.writeOffs.length
          ? row('Write-offs', (
              <ul className="text-xs">
                {d.writeOffs.map((w) => (
                  <li key={w.id}>
                    {formatUsd(w.amountCents)} {w.status} — {w.reason} ({w.requestedBy}
                    {w.decidedBy ? `, decided by ${w.decidedBy}` : ''})
                  </li>
                ))}
              </ul>
            ))
          : null}
      </dl>
    </Card>
  );
}
