'use client';
import { type FormEvent, useState } from 'react';
import { addDays, addMonths } from '@/lib/domain/dates';
import { FOLLOW_UP_MAX_MONTHS } from '@/lib/domain/follow-up';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Input, Label } from '../ui/input';
import { formatDate } from './format';

const QUICK: [string, number][] = [
  ['Tomorrow', 1],
  ['+3 days', 3],
  ['+1 week', 7],
  ['+2 weeks', 14],
];

/** Sets or clears a follow-up date. Enter saves; the quick picks count from today. */
export function FollowUpDialog({
  open,
  onOpenChange,
  today,
  current,
  subject,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  today: string;
  current: string | null;
  subject: string;
  onSubmit: (date: string | null) => void;
}) {
  const [date, setDate] = useState(current ?? addDays(today, 7));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date) return;
    onSubmit(date);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Follow-up date" description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label="Follow-up date">
        <div className="flex flex-col gap-1">
          <Label htmlFor="follow-up-date">Follow up on</Label>
          <Input id="follow-up-date" type="date" min={today} max={addMonths(today, FOLLOW_UP_MAX_MONTHS)} value={date} onChange={(e) => setDate(e.target.value)} autoFocus required />
        </div>
        <div className="flex flex-wrap gap-1.5">
          {QUICK.map(([label, days]) => (
            <Button key={label} type="button" size="sm" variant="secondary" onClick={() => setDate(addDays(today, days))}>
              {label} <span className="text-slate-500">({formatDate(addDays(today, days), today)})</span>
            </Button>
          ))}
        </div>
        <div className="flex justify-between gap-2 pt-1">
          {current ? (
            <Button type="button" variant="ghost" size="sm" onClick={() => (onSubmit(null), onOpenChange(false))}>
              Clear follow-up
            </Button>
          ) : (
            <span />
          )}
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit">Set follow-up</Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
