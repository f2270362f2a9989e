'use client';
import type { OutcomeDto } from '@/lib/domain/contracts/denials';
import { formatUsd } from '@/lib/domain/money';
import { Badge } from '../ui/badge';
import { formatDate } from './format';

const KIND = { resolved_paid: 'Paid', resolved_partial: 'Partly paid', written_off: 'Written off' } as const;

/** "Paid $1,200.00", "Written off $340.00": how a closed denial ended, in words. */
export function outcomeText(o: OutcomeDto): string {
  return `${KIND[o.kind]} ${formatUsd(o.amountCents)}`;
}

/** A closed denial's queue cell: the outcome and when, in place of the deadline. */
export function OutcomeCell({ outcome }: { outcome: OutcomeDto }) {
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={outcome.kind === 'written_off' ? 'neutral' : 'success'}>{outcomeText(outcome)}</Badge>
      {outcome.at ? <span className="text-[11px] text-slate-600">Closed {formatDate(outcome.at.slice(0, 10))}</span> : null}
    </div>
  );
}
