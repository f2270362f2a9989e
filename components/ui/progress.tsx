import { cn } from './cn';

const TONES = { brand: 'bg-brand-600', success: 'bg-emerald-600', danger: 'bg-red-600', muted: 'bg-slate-400' } as const;

/** A determinate progress bar (0–100) with its label and value text exposed to assistive technology. */
export function ProgressBar({
  label,
  value,
  valueText,
  tone = 'brand',
  className,
}: {
  label: string;
  value: number;
  valueText?: string;
  tone?: keyof typeof TONES;
  className?: string;
}) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={valueText ?? `${pct}%`}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-slate-200', className)}
    >
      <div className={cn('h-full rounded-full transition-[width] duration-200 ease-out', TONES[tone])} style={{ width: `${pct}%` }} />
    </div>
  );
}
