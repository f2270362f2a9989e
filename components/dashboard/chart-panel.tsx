'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { type Section, chartSeries, formatValue } from '@/lib/domain/dashboard-sections';

const ROW_HEIGHT = 44;

/**
 * One dashboard section as a chart (values printed on the bars, series told apart by pattern and legend) or as
 * a table of the same rows — every bar and every cell opens the denials behind it in the queue.
 */
export function ChartPanel({ section }: { section: Section }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const router = useRouter();
  const series = chartSeries(section);
  const headingId = `section-${section.id}`;
  const data = section.rows.map((r) => ({ label: r.label, ...Object.fromEntries(series.map((s) => [s.key, r.values[s.key]?.value ?? null])) }));
  const horizontal = section.layout === 'bars';
  const height = horizontal ? Math.max(120, section.rows.length * ROW_HEIGHT + 60) : 280;
  const open = (seriesKey: string, index: number) => {
    const href = section.rows[index]?.values[seriesKey]?.href;
    if (href) router.push(href);
  };
  // Each series on its own scale would mislead; the first series' format labels the axis.
  const axisFormat = series[0]?.format ?? 'count';

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs" data-testid={`dashboard-section-${section.id}`}>
      <div className="mb-2 flex items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-sm font-semibold text-slate-800">
            {section.title}
          </h2>
          <p className="text-xs text-slate-600">{section.description}</p>
        </div>
        <button
          type="button"
          aria-pressed={view === 'table'}
          onClick={() => setView(view === 'chart' ? 'table' : 'chart')}
          className="shrink-0 rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          {view === 'chart' ? 'Show table' : 'Show chart'}
        </button>
      </div>
      {section.rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-600">Nothing in this period.</p>
      ) : view === 'table' ? (
        <SectionTable section={section} />
      ) : (
        <div className="overflow-x-auto">
          <BarChart
            width={horizontal ? 560 : Math.max(480, section.rows.length * 90)}
            height={height}
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 16, right: 64, bottom: 8, left: 8 }}
            accessibilityLayer
            role="img"
            aria-label={`${section.title}: ${series.map((s) => s.name).join(' and ')}. Use "Show table" for every value with its link.`}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
            {horizontal ? (
              <>
                <XAxis type="number" tickFormatter={(v: number) => formatValue(v, axisFormat)} />
                <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis tickFormatter={(v: number) => formatValue(v, axisFormat)} width={80} />
              </>
            )}
            <Tooltip formatter={(v, name) => [formatValue(typeof v === 'number' ? v : null, series.find((s) => s.name === name)?.format ?? 'count'), name]} />
            <Legend />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={`url(#dash-${s.pattern})`}
                stroke="#0f172a"
                strokeWidth={1}
                cursor="pointer"
                isAnimationActive={false}
                onClick={(_, index) => open(s.key, index)}
              >
                <LabelList dataKey={s.key} position={horizontal ? 'right' : 'top'} fontSize={11} formatter={(v) => (typeof v === 'number' ? formatValue(v, s.format) : '')} />
              </Bar>
            ))}
          </BarChart>
        </div>
      )}
    </section>
  );
}

function SectionTable({ section }: { section: Section }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={`dashboard-table-${section.id}`}>
        <caption className="sr-only">{section.title}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              <span className="sr-only">Group</span>
            </th>
            {section.series.map((s) => (
              <th key={s.key} scope="col" className="py-1.5 pr-3 text-right font-medium">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {section.rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800">
                {r.label}
              </th>
              {section.series.map((s) => {
                const v = r.values[s.key];
                const text = formatValue(v?.value ?? null, s.format);
                return (
                  <td key={s.key} className="py-1.5 pr-3 text-right tabular-nums">
                    {v?.href && v.value !== null ? (
                      <Link href={v.href} className="text-brand-700 underline-offset-2 hover:underline" aria-label={`${r.label}, ${s.name}: ${text} — open these denials`}>
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
