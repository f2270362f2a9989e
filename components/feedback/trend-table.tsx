import type { TrendLineDto } from '@/lib/domain/contracts/prevention';
import { dayLabel, monthLabel } from './month-label';

/**
 * Counts per month, one row per cause, site or payer. The current month's column says it is partial and through
 * which day, so a half-month never reads as a drop. A small bar beside each number for the eye; the number
 * itself carries the meaning (readable without the bar or its colour).
 */
export function TrendTable({
  caption, keyLabel, lines, months, partialThrough, totals,
}: { caption: string; keyLabel: string; lines: TrendLineDto[]; months: string[]; partialThrough: string | null; totals?: number[] }) {
  const max = Math.max(1, ...lines.flatMap((l) => l.byMonth));
  const last = months.length - 1;
  if (lines.length === 0) return <p className="p-4 text-sm text-slate-600">No front-desk denials in these months.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{keyLabel}</th>
            {months.map((m, i) => (
              <th key={m} scope="col" className="px-2 py-2 text-right font-medium">
                {monthLabel(m)}
                {i === last && partialThrough ? <span className="block normal-case text-amber-700">partial, to {dayLabel(partialThrough)}</span> : null}
              </th>
            ))}
            <th scope="col" className="px-4 py-2 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={l.key}>
              <th scope="row" className="px-4 py-2 text-left font-medium">{l.label}</th>
              {l.byMonth.map((count, i) => (
                <td key={months[i]} className={`px-2 py-2 text-right tabular-nums ${i === last && partialThrough ? 'bg-amber-50/60' : ''}`}>
                  <span className="inline-flex items-center gap-1.5">
                    <span className="inline-block h-2 rounded-sm bg-brand-600/70" style={{ width: `${(count / max) * 32}px` }} aria-hidden />
                    {count}
                  </span>
                </td>
              ))}
              <td className="px-4 py-2 text-right font-medium tabular-nums">{l.total}</td>
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot className="border-t border-slate-200 font-medium">
            <tr>
              <th scope="row" className="px-4 py-2 text-left">All front-desk causes</th>
              {totals.map((t, i) => (
                <td key={months[i]} className="px-2 py-2 text-right tabular-nums">{t}</td>
              ))}
              <td className="px-4 py-2 text-right tabular-nums">{totals.reduce((a, b) => a + b, 0)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
