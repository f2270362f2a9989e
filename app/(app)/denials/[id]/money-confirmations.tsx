'use client';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { ReasonField } from '@/components/denials/reason-field';
import { ResubmitDialog } from '@/components/denials/resubmit-dialog';
import type { DenialDetailDto } from '@/lib/domain/contracts/denials';
import { formatUsd } from '@/lib/domain/money';
import type { DenialActions } from '../use-denial-actions';

type Edit = <I>(m: { mutate: (vars: { id: string; version: number; input: I }, opts: object) => void }, input: I) => void;

/** The confirmations before a write-off is decided, and the record of a corrected claim sent. */
export function MoneyConfirmations({
  d,
  dialog,
  subject,
  today,
  onClose,
  edit,
  actions,
}: {
  d: DenialDetailDto;
  dialog: string | null;
  subject: string;
  today: string;
  onClose: () => void;
  edit: Edit;
  actions: DenialActions;
}) {
  const [note, setNote] = useState('');
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
        confirmDisabled={note.trim().length < 3}
        onConfirm={() => edit(actions.decideWriteOff, { approve: false, note: note.trim() })}
      >
        <p className="mb-2">The denial goes back to work (in progress) and nothing is written off. The requester is told why.</p>
        <ReasonField id="writeoff-reject-reason" value={note} onChange={setNote} />
      </ConfirmDialog>
    );
  }
  if (dialog === 'resubmitted') {
    return (
      <ResubmitDialog
        open
        onOpenChange={close}
        subject={subject}
        denial={d}
        today={today}
        onSubmit={(input, done) => actions.resubmitted.mutate({ id: d.id, version: d.version, input }, done)}
      />
    );
  }
  return null;
}
