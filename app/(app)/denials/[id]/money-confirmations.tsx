'use client';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import type { DenialDetailDto } from '@/lib/domain/contracts/denials';
import { formatUsd } from '@/lib/domain/money';
import { UNDO_OFFER } from '@/components/denials/undo-offer';
import type { DenialActions } from '../use-denial-actions';

type Edit = <I>(m: { mutate: (vars: { id: string; version: number; input: I }, opts: object) => void }, input: I) => void;

/** The confirmations before a write-off is decided or a claim is marked resubmitted: amount, effect, and undo. */
export function MoneyConfirmations({
  d,
  dialog,
  subject,
  onClose,
  edit,
  actions,
}: {
  d: DenialDetailDto;
  dialog: string | null;
  subject: string;
  onClose: () => void;
  edit: Edit;
  actions: DenialActions;
}) {
  const pending = d.writeOffs.filter((w) => w.status === 'pending').at(-1);
  const amount = formatUsd(pending?.amountCents ?? d.deniedCents);
  const close = (o: boolean) => !o && onClose();
  if (dialog === 'approve') {
    return (
      <ConfirmDialog
        open
        onOpenChange={close}
        title={`Approve writing off ${amount}?`}
        subject={subject}
        confirmLabel={`Approve write-off of ${amount}`}
        danger
        undo="An approved write-off is final: it cannot be undone. If it was a mistake, a manager can reopen the denial (with a reason)."
        onConfirm={() => edit(actions.decideWriteOff, { approve: true })}
      >
        <p>
          {pending ? `${pending.requestedBy} asked to write off ${amount}: “${pending.reason}”.` : `Writes off ${amount}.`} Approving closes the denial
          as written off and ends its follow-up.
        </p>
      </ConfirmDialog>
    );
  }
  if (dialog === 'reject') {
    return (
      <ConfirmDialog
        open
        onOpenChange={close}
        title={`Reject the write-off of ${amount}?`}
        subject={subject}
        confirmLabel="Reject write-off"
        undo="A rejection cannot be undone; the specialist can ask again."
        onConfirm={() => edit(actions.decideWriteOff, { approve: false })}
      >
        <p>The denial goes back to work (in progress) and nothing is written off.</p>
      </ConfirmDialog>
    );
  }
  if (dialog === 'resubmitted') {
    return (
      <ConfirmDialog
        open
        onOpenChange={close}
        title="Mark corrected & resubmitted?"
        subject={subject}
        confirmLabel="Mark resubmitted"
        undo={UNDO_OFFER}
        onConfirm={() => edit(actions.resubmitted, {})}
      >
        <p>Records that a corrected claim for {formatUsd(d.deniedCents)} went back to the payer; the denial waits for the payer’s answer.</p>
      </ConfirmDialog>
    );
  }
  return null;
}
