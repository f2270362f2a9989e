import { monthLabel } from '@/components/feedback/month-label';
import type { BeforeAfter } from '@/lib/domain/prevention/before-after';

const average = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** The cause's monthly counts before and after the action month, with the averages compared in words. */
export function BeforeAfterTable({ trend }: { trend: BeforeAfter }) {
  const change = trend.change === null ? null : Math.round(trend.change * 100);
  return (
    <div className="space-y-1 text-sm">
      <p>
        Before: <strong>{average(trend.beforeAverage)}</strong> a month · after: <strong>{average(trend.afterAverage)}</strong> a month
        {change === null ? ' · too early to compare' : ` · ${change <= 0 ? `${Math.abs(change)}% fewer` : `${change}% more`}`}
      </p>
      <table className="text-xs">
        <caption className="sr-only">Denials with this cause per month, before and after the action</caption>
        <thead>
          <tr>
            {trend.before.map((m) => <th key={m.month} scope="col" className="px-1.5 font-medium text-slate-500">{monthLabel(m.month)}</th>)}
            <th scope="col" className="px-1.5 font-medium text-slate-800">{monthLabel(trend.actionMonth)} (action)</th>
            {trend.after.map((m) => (
              <th key={m.month} scope="col" className="px-1.5 font-medium text-slate-500">{monthLabel(m.month)}{m.partial ? ' (partial)' : ''}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="tabular-nums">
            {trend.before.map((m) => <td key={m.month} className="px-1.5 text-center">{m.count}</td>)}
            <td className="px-1.5 text-center text-slate-400">·</td>
            {trend.after.map((m) => <td key={m.month} className="px-1.5 text-center">{m.count}</td>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
