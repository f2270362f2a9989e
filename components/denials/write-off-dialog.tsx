'use client';
import { type FormEvent, useState } from 'react';
import { formatUsd } from '@/lib/domain/money';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Label } from '../ui/input';

/** Asks for a write-off: a reason is required; above the approval threshold it waits for a manager. */
export function WriteOffDialog({
  open,
  onOpenChange,
  subject,
  amountCents,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  amountCents: number;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return;
    onSubmit(reason.trim());
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Write off ${formatUsd(amountCents)}`} description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label="Request a write-off">
        <div className="flex flex-col gap-1">
          <Label htmlFor="writeoff-reason">Reason (required)</Label>
          <textarea
            id="writeoff-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            rows={3}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-xs focus:border-brand-600 focus:outline-none"
          />
          <span className="text-[11px] text-slate-500">Above the approval threshold a manager approves it first.</span>
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={reason.trim().length < 3}>
            Request write-off
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
