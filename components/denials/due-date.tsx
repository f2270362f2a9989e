import type { DeadlineDto } from '@/lib/domain/contracts/denials';
import { addDays } from '@/lib/domain/dates';
import { DEADLINE_KIND_LABEL } from '@/lib/domain/denial-labels';
import { cn } from '../ui/cn';
import { daysText, formatDate } from './format';

const TONE = {
  missed: 'bg-red-600 text-white',
  due_soon: 'bg-amber-100 text-amber-900 ring-1 ring-amber-300 ring-inset',
  ok: 'text-slate-600',
} as const;

/**
 * The due date and days left (or, with none, what it waits on: `waiting`), coloured by urgency; a missed deadline is flagged, never hidden. The date shows its
 * year unless it is this year's (today is the date less the days left).
 */
export function DueDate({ deadline, waiting }: { deadline: DeadlineDto | null; waiting?: string | null }) {
  if (!deadline) return <span className="text-xs text-slate-500">{waiting ?? '—'}</span>;
  const today = deadline.daysLeft === 0;
  return (
    <span className="flex flex-col leading-tight" title={deadline.kind ? DEADLINE_KIND_LABEL[deadline.kind] : undefined}>
      <span className={cn('tabular-nums', deadline.urgency === 'missed' ? 'text-red-700' : 'text-slate-800')}>
        {formatDate(deadline.date, addDays(deadline.date, -deadline.daysLeft))}
      </span>
      <span
        className={cn('mt-0.5 w-fit rounded px-1 text-[11px] font-medium whitespace-nowrap tabular-nums', TONE[deadline.urgency], today && 'bg-red-100 text-red-800 ring-red-300')}
        data-urgency={deadline.urgency}
      >
        {deadline.urgency === 'missed' ? `⚑ ${daysText(deadline.daysLeft)}` : daysText(deadline.daysLeft)}
      </span>
    </span>
  );
}
