import { Badge } from '@/components/ui/badge';
import { POLICY_LABELS, type Policy } from '@/lib/domain/backtest/policies';
import type { PolicyResult, ReplayResult } from '@/lib/domain/backtest/replay';
import { formatUsd } from '@/lib/domain/money';

const TH = 'px-2 py-1.5 text-left text-xs font-medium text-slate-600 align-bottom';
const NUM = 'px-2 py-1 text-right tabular-nums whitespace-nowrap';

const share = (p: PolicyResult) => (p.recoveredShare === null ? '—' : `${(p.recoveredShare * 100).toFixed(1)}%`);

/** Policies in the order the table shows them, with the one that recovered most marked (in words, not colour). */
export function BacktestResults({ result, weightsAreCurrent }: { result: ReplayResult; weightsAreCurrent: boolean }) {
  const best = Math.max(...result.policies.map((p) => p.recoveredCents));
  const label = (policy: Policy) => (policy === 'weighted' && weightsAreCurrent ? `${POLICY_LABELS.weighted} — same as current` : POLICY_LABELS[policy]);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="w-full border-collapse text-[13px]" aria-label="Backtest results by policy">
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className={TH}>
              Policy
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Dollars recovered
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Share of recoverable
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Deadlines missed
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Worked after deadline
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Never reached
            </th>
          </tr>
        </thead>
        <tbody>
          {result.policies.map((p) => (
            <tr key={p.policy} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-2 py-1 text-left font-medium text-slate-900">
                <span className="flex items-center gap-1.5">
                  {label(p.policy)}
                  {p.recoveredCents === best && best > 0 ? <Badge tone="success">most recovered</Badge> : null}
                </span>
              </th>
              <td className={NUM}>{formatUsd(p.recoveredCents)}</td>
              <td className={NUM}>{share(p)}</td>
              <td className={NUM}>
                {p.deadlinesMissed.toLocaleString('en-US')} of {result.deadlinesInPeriod.toLocaleString('en-US')}
              </td>
              <td className={NUM}>{p.workedLate.toLocaleString('en-US')}</td>
              <td className={NUM}>{p.leftOpen.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
