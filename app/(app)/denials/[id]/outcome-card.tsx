'use client';
import { formatDateTime } from '@/components/denials/format';
import { outcomeText } from '@/components/denials/outcome';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import type { DenialDetailDto, OutcomeDto } from '@/lib/domain/contracts/denials';
import { formatUsd } from '@/lib/domain/money';

const When = ({ at }: { at: string | null }) =>
  at ? (
    <time dateTime={at} suppressHydrationWarning>
      {formatDateTime(at)}
    </time>
  ) : (
    <>an unknown date</>
  );

/** A closed denial's outcome, in place of its deadline and score: what came of it, when, and by whom. */
export function OutcomeCard({ d, outcome }: { d: DenialDetailDto; outcome: OutcomeDto }) {
  const c = d.closure;
  const w = c?.writeOff ?? null;
  const rows: [string, React.ReactNode][] =
    outcome.kind === 'written_off'
      ? [
          ['Amount written off', formatUsd(w?.amountCents ?? outcome.amountCents)],
          ['Reason', w?.reason ?? '—'],
          ['Requested by', w ? <>{w.requestedBy}, <When at={w.requestedAt} /></> : '—'],
          ['Approved by', w?.approvedBy ? <>{w.approvedBy}, <When at={w.decidedAt} /></> : (c?.by ?? '—')],
        ]
      : [
          ['Amount recovered', `${formatUsd(outcome.amountCents)} of ${formatUsd(d.deniedCents)} denied`],
          ['Closed', <When key="at" at={outcome.at} />],
          ['Recorded by', c?.remit ? `Remittance ${c.remit.filename ?? 'import'}` : (c?.by ?? '—')],
        ];
  // Kept apart so recovery figures never exceed denied dollars: the payer will take the excess back.
  if (outcome.overpaidCents > 0) rows.push(['Overpaid (owed back to the payer)', formatUsd(outcome.overpaidCents)]);
  return (
    <Card className="md:col-span-2" role="region" aria-label="Outcome">
      <CardHeader>
        <CardTitle>Outcome</CardTitle>
        <Badge tone={outcome.kind === 'written_off' ? 'neutral' : 'success'}>{outcomeText(outcome)}</Badge>
      </CardHeader>
      <dl className="grid gap-x-6 gap-y-2 px-4 py-3 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-col">
            <dt className="text-[11px] text-slate-600 uppercase">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">Closed: nothing is due and it is not scored. The timeline keeps its history.</p>
    </Card>
  );
}
