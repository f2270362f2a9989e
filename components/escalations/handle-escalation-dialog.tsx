'use client';
import { useState } from 'react';
import type { EscalationEnd, EscalationOutcome } from '@/lib/domain/escalations/handling';
import { ReasonField, useReasonForm } from '../denials/reason-field';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Label, Select } from '../ui/input';

/** What a manager's handling sends: the escalation, how it ends, the note, and for a reassignment the new owner. */
export interface HandleEscalationVars {
  escalationId: string;
  outcome: EscalationOutcome;
  note: string;
  assigneeId?: string;
}

/** What the dialog sends: a manager's handling, or the raiser withdrawing it. */
export type EndEscalationVars = Omit<HandleEscalationVars, 'outcome'> & { outcome: EscalationEnd };

const NOTIFIED = 'The escalation closes and whoever raised it is notified. It cannot be undone; the denial can be escalated again.';

const COPY: Record<EscalationEnd, { title: string; label: string; hint: string; submit: string; after: string }> = {
  resolved: {
    title: 'Resolve the escalation',
    label: 'Decision',
    hint: 'What you decided or did, for the timeline and whoever raised it. For example: approved a level 2 appeal; I called the payer rep.',
    submit: 'Resolve',
    after: NOTIFIED,
  },
  returned: {
    title: 'Return to the owner',
    label: 'What to do',
    hint: 'The owner keeps working it: say what they should do next.',
    submit: 'Return',
    after: NOTIFIED,
  },
  reassigned: {
    title: 'Reassign the denial',
    label: 'Note',
    hint: 'Why them, and what they should do first.',
    submit: 'Reassign',
    after: NOTIFIED,
  },
  withdrawn: {
    title: 'Withdraw the escalation',
    label: 'Why',
    hint: 'For example: the payer called back and reprocessed the claim.',
    submit: 'Withdraw',
    after: 'It leaves the managers’ escalation queue. The denial can be escalated again.',
  },
};

/**
 * A manager resolves, returns or reassigns an open escalation, or its raiser withdraws it (the queue page and the
 * denial page share it).
 */
export function HandleEscalationDialog({
  open,
  onOpenChange,
  outcome,
  escalationId,
  subject,
  reason,
  people,
  ownerId,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  outcome: EscalationEnd;
  escalationId: string;
  subject: string;
  /** The raiser's reason, shown so the manager answers it. */
  reason: string;
  /** Active specialists a reassignment may go to. */
  people: { id: string; name: string }[];
  ownerId: string | null;
  onSubmit: (vars: EndEscalationVars) => void;
}) {
  const [assigneeId, setAssigneeId] = useState('');
  const copy = COPY[outcome];
  const send = (note: string) => onSubmit({ escalationId, outcome, note, ...(outcome === 'reassigned' ? { assigneeId } : {}) });
  const { reason: note, setReason: setNote, ok, submit } = useReasonForm(send, onOpenChange, outcome !== 'reassigned' || assigneeId !== '');
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={copy.title} description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label={copy.title}>
        <blockquote className="rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-800">
          <span className="sr-only">Escalation reason: </span>
          {reason}
        </blockquote>
        {outcome === 'reassigned' ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor="escalation-assignee">New owner (required)</Label>
            <Select id="escalation-assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">Choose a specialist…</option>
              {people
                .filter((p) => p.id !== ownerId)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </Select>
          </div>
        ) : null}
        <ReasonField id="escalation-note" label={copy.label} value={note} onChange={setNote} hint={copy.hint} />
        <p className="text-xs text-slate-600">{copy.after}</p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!ok}>
            {copy.submit}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
