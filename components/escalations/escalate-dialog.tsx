'use client';
import { ReasonField, useReasonForm } from '../denials/reason-field';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/** Escalate a denial to the team's managers; the reason is required and heads their escalation queue. */
export function EscalateDialog({
  open,
  onOpenChange,
  subject,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  onSubmit: (reason: string) => void;
}) {
  const { reason, setReason, ok, submit } = useReasonForm(onSubmit, onOpenChange);
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Escalate to a manager" description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label="Escalate the denial">
        <p className="text-sm text-slate-800">Your team’s managers are notified and see it in their escalation queue. You keep the denial until they decide.</p>
        <ReasonField
          id="escalate-reason"
          value={reason}
          onChange={setReason}
          hint="What do you need from them? For example: the payer refuses the corrected claim and the deadline is in 5 days."
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!ok}>
            Escalate
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
