'use client';
import { type FormEvent, useState } from 'react';
import { formatUsd } from '@/lib/domain/money';
import { UNDO_OFFER } from './undo-offer';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { ReasonField } from './reason-field';

/** Asks for a write-off: a reason is required; above the approval threshold it waits for a manager. */
export function WriteOffDialog({
  open,
  onOpenChange,
  subject,
  amountCents,
  immediate,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  amountCents: number;
  /** Written off at once (no approval needed), as the server computed for this viewer. */
  immediate: boolean;
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
        <ReasonField id="writeoff-reason" value={reason} onChange={setReason} />
        <p className="text-sm text-slate-800">
          {immediate
            ? `${formatUsd(amountCents)} will be written off now and the denial closed.`
            : `${formatUsd(amountCents)} is above the approval threshold: a manager approves it before it is written off.`}
        </p>
        <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
          {immediate
            ? `${UNDO_OFFER} After that it is final; a manager can reopen it.`
            : 'Until a manager decides, nothing is written off; once approved it is final (a manager can reopen it).'}
        </p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={reason.trim().length < 3}>
            {immediate ? `Write off ${formatUsd(amountCents)}` : 'Request write-off'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
