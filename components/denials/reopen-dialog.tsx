'use client';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { ReasonField, useReasonForm } from './reason-field';

/** A manager reopens a closed denial; the reason is required and goes on the timeline. */
export function ReopenDialog({
  open,
  onOpenChange,
  subject,
  outcome,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  /** How it closed, e.g. "Paid $1,200.00". */
  outcome: string;
  onSubmit: (reason: string) => void;
}) {
  const { reason, setReason, ok, submit } = useReasonForm(onSubmit, onOpenChange);
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Reopen this denial" description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label="Reopen the denial">
        <p className="text-sm text-slate-800">
          It closed as <strong>{outcome}</strong>. Reopening puts it back to work at the status it was closed from; the payment or write-off stays on the
          timeline.
        </p>
        <ReasonField id="reopen-reason" value={reason} onChange={setReason} hint="For example: a later remittance reversed the payment." />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!ok}>
            Reopen
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
