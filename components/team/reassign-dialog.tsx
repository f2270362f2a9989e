'use client';
import { type FormEvent, useState } from 'react';
import { REASON_MIN } from '@/lib/domain/team/reassign-reason';
import { formatUsd } from '@/lib/domain/money';
import { ReasonField } from '../denials/reason-field';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Label } from '../ui/input';

/**
 * Confirms a reassignment (one denial or a selection): how many, how many dollars, to whom, and why. The reason
 * is required when work is taken from a colleague; it goes on each denial's timeline and in the new owner's
 * notification.
 */
export function ReassignDialog({
  open,
  onOpenChange,
  toName,
  count,
  totalCents,
  reasonRequired,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The new owner, or null to put the work back in the unassigned pool. */
  toName: string | null;
  count: number;
  totalCents: number;
  reasonRequired: boolean;
  onConfirm: (reason: string | undefined) => void;
}) {
  const [reason, setReason] = useState('');
  const ok = !reasonRequired || reason.trim().length >= REASON_MIN;
  const what = count === 1 ? `1 denial (${formatUsd(totalCents)})` : `${count} denials (${formatUsd(totalCents)} denied in all)`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ok) return;
    onConfirm(reason.trim() || undefined);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={toName ? `Reassign to ${toName}` : 'Put back in the unassigned pool'}>
      <form onSubmit={submit} className="space-y-3 text-sm text-slate-800" aria-label="Reassign">
        <p>
          Move <strong>{what}</strong> {toName ? <>to <strong>{toName}</strong></> : <>to the unassigned pool</>}.
          {toName ? ' They are notified.' : ''}
        </p>
        {reasonRequired ? (
          <ReasonField id="reassign-reason" value={reason} onChange={setReason} hint="It goes on the timeline and in the new owner’s notification." />
        ) : (
          <div className="flex flex-col gap-1">
            <Label htmlFor="reassign-reason">Reason (optional)</Label>
            <textarea
              id="reassign-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={2000}
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-xs focus:border-brand-600 focus:outline-none"
            />
          </div>
        )}
        <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
          There is no one-step undo: reassign back to undo it (each denial’s timeline names its previous owner). Rows someone else changed meanwhile are skipped
          and reported.
        </p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!ok}>
            {count === 1 ? 'Reassign' : `Reassign ${count} denials`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
