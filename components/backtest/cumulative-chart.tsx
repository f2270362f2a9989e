'use client';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { POLICY_LABELS, type Policy } from '@/lib/domain/backtest/policies';
import { weekday } from '@/lib/domain/dates';
import { formatUsd } from '@/lib/domain/money';

export interface CumulativeSeries {
  policy: Policy;
  cumulativeCents: number[];
}

// Each line has its own dash pattern as well as its colour, so the chart reads in grey too; the legend shows both.
const STYLE: Record<Policy, { stroke: string; dash?: string }> = {
  score: { stroke: '#1d4ed8' },
  weighted: { stroke: '#7c3aed', dash: '8 3' },
  oldest: { stroke: '#b45309', dash: '2 3' },
  largest: { stroke: '#047857', dash: '10 3 2 3' },
  deadline: { stroke: '#be123c', dash: '4 4' },
};

// The chart plots cents as they come (no division into float dollars and back); labels round to whole dollars.
const dollars = (cents: number) => formatUsd(Math.round(cents / 100) * 100);

/** The end of each week (a Friday, or the last working day before a gap) and the period's last day. */
function weekEnds(days: string[]): number[] {
  return days.flatMap((day, i) => (i === days.length - 1 || weekday(days[i + 1]!) <= weekday(day) ? [i] : []));
}

/** Dollars recovered so far, day by day, per policy; with the same numbers as a table (week by week). */
export function CumulativeChart({ days, series }: { days: string[]; series: CumulativeSeries[] }) {
  const data = days.map((day, i) => Object.fromEntries([['day', day], ...series.map((s) => [s.policy, s.cumulativeCents[i]!])]));
  return (
    <figure aria-labelledby="bt-chart-caption" className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
      <figcaption id="bt-chart-caption" className="mb-2 text-sm font-semibold text-slate-800">
        Dollars recovered so far, by working day
      </figcaption>
      <div role="img" aria-label="Line chart of dollars recovered so far per policy; the table below has the same numbers." className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={40} />
            <YAxis tick={{ fontSize: 11 }} width={72} tickFormatter={(v: number) => dollars(v)} />
            <Tooltip formatter={(value) => dollars(Number(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Line
                key={s.policy}
                type="stepAfter"
                dataKey={s.policy}
                name={POLICY_LABELS[s.policy]}
                stroke={STYLE[s.policy].stroke}
                strokeDasharray={STYLE[s.policy].dash}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Show as a table</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full border-collapse text-[13px]" aria-label="Dollars recovered so far, week by week">
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                <th scope="col" className="px-2 py-1 text-left text-xs font-medium text-slate-600">
                  Week ending
                </th>
                {series.map((s) => (
                  <th key={s.policy} scope="col" className="px-2 py-1 text-right text-xs font-medium text-slate-600">
                    {POLICY_LABELS[s.policy]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weekEnds(days).map((i) => (
                <tr key={days[i]} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">
                    {days[i]}
                  </th>
                  {series.map((s) => (
                    <td key={s.policy} className="px-2 py-1 text-right tabular-nums">
                      {formatUsd(s.cumulativeCents[i]!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
