import Link from 'next/link';
import { type Headline, type LinkedValue, formatValue } from '@/lib/domain/dashboard-sections';

function Value({ v, format, label, className }: { v: LinkedValue; format: Headline['format']; label: string; className: string }) {
  const text = formatValue(v.value, format);
  if (!v.href || v.value === null) return <span className={className}>{text}</span>;
  return (
    <Link href={v.href} className={`${className} text-brand-700 underline decoration-1 underline-offset-2`} aria-label={`${label}: ${text} — open these denials`}>
      {text}
    </Link>
  );
}

/** The headline numbers, each with the prior period beside it; every number that counts denials opens them. */
export function HeadlineCards({ headlines }: { headlines: Headline[] }) {
  return (
    <ul className="mb-5 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5" aria-label="Headline numbers">
      {headlines.map((h) => (
        <li key={h.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs" data-testid={`headline-${h.id}`}>
          <h2 className="text-xs font-medium text-slate-600">{h.title}</h2>
          <p className="mt-1 flex items-baseline gap-2">
            <Value v={h.current} format={h.format} label={h.title} className="text-xl font-semibold tabular-nums" />
            {h.prior.value !== null ? (
              <span className="text-xs text-slate-600">
                prior <Value v={h.prior} format={h.format} label={`${h.title}, prior period`} className="tabular-nums" />
              </span>
            ) : null}
          </p>
          {h.detail ? <p className="text-xs text-slate-600">{h.detail}</p> : null}
          {h.note ? <p className="mt-1 text-[11px] text-slate-500">{h.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
