'use client';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { personLabel } from '@/components/team/person-label';
import { ReassignDialog } from '@/components/team/reassign-dialog';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { STATUS_LABEL } from '@/lib/domain/denial-labels';
import type { DenialStatus } from '@/lib/domain/lifecycle';
import { formatUsd } from '@/lib/domain/money';
import { reassignNeedsReason } from '@/lib/domain/team/reassign-reason';
import type { QueueContext } from './queue-screen';

// Bulk status moves offered; each denial is still checked against its own lifecycle on the server.
const BULK_STATUSES: DenialStatus[] = ['assigned', 'in_progress', 'pending_info', 'corrected_resubmitted'];

export function BulkBar({
  count,
  totalCents,
  owners,
  ctx,
  pending,
  onClear,
  onAssign,
  onStatus,
  onFollowUp,
}: {
  count: number;
  /** The denied amount of the selected rows on screen. */
  totalCents: number;
  /** The owners of the selected rows on screen (null: unassigned); a selection beyond the page counts as unknown. */
  owners: (string | null)[];
  ctx: QueueContext;
  pending: boolean;
  onClear: () => void;
  onAssign: (assignee: 'me' | string | null, label: string, reason?: string) => void;
  onStatus: (to: DenialStatus, label: string) => void;
  onFollowUp: () => void;
}) {
  // A change to more than one row is confirmed first, with the count and the money it touches.
  const [confirm, setConfirm] = useState<{ label: string; run: () => void } | null>(null);
  const ask = (label: string, run: () => void) => (count > 1 ? setConfirm({ label, run }) : run());
  const assign = (assignee: 'me' | string | null, label: string) => ask(label, () => onAssign(assignee, label));
  // Handing work to someone else (or back to the pool) always confirms, with a reason when it takes work from a colleague.
  const [reassign, setReassign] = useState<{ id: string | null; name: string | null } | null>(null);
  const me = ctx.me.id;
  const reasonRequired = (to: string | null) => owners.length < count || owners.some((owner) => reassignNeedsReason(me, owner, to));
  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-1.5 text-sm">
      <span className="font-medium text-brand-900">{count} selected</span>
      <Button size="sm" onClick={() => assign('me', 'Assign to me')} disabled={pending}>
        Assign to me
      </Button>
      {ctx.options.viewer.canReassign ? (
        <Select
          aria-label="Assign selected to"
          value=""
          disabled={pending}
          onChange={(e) => {
            const person = ctx.options.people.find((p) => p.id === e.target.value);
            if (e.target.value === 'none') setReassign({ id: null, name: null });
            else if (person) setReassign({ id: person.id, name: person.name });
          }}
          className="h-7 text-xs"
        >
          <option value="">Assign to…</option>
          <option value="none">Nobody (unassign)</option>
          {ctx.options.people.map((p) => (
            <option key={p.id} value={p.id}>
              {personLabel(p, ctx.today)}
            </option>
          ))}
        </Select>
      ) : null}
      <Button size="sm" variant="secondary" onClick={onFollowUp} disabled={pending}>
        Follow-up…
      </Button>
      <Select
        aria-label="Set status of selected"
        value=""
        disabled={pending}
        onChange={(e) => {
          const to = e.target.value as DenialStatus;
          if (!to) return;
          const label = `Status → ${STATUS_LABEL[to]}`;
          ask(label, () => onStatus(to, label));
        }}
        className="h-7 text-xs"
      >
        <option value="">Status…</option>
        {BULK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </Select>
      <Button size="sm" variant="ghost" onClick={onClear} className="ml-auto">
        Clear selection (Esc)
      </Button>
      {reassign ? (
        <ReassignDialog
          open
          onOpenChange={(o) => !o && setReassign(null)}
          toName={reassign.name}
          count={count}
          totalCents={totalCents}
          reasonRequired={reasonRequired(reassign.id)}
          onConfirm={(reason) => onAssign(reassign.id, reassign.name ? `Assign to ${reassign.name}` : 'Unassign', reason)}
        />
      ) : null}
      {confirm ? (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setConfirm(null)}
          title={`${confirm.label}: ${count} denials?`}
          confirmLabel={`Change ${count} denials`}
          undo="A bulk change has no one-step undo: change the denials back one by one (each keeps its timeline). Rows someone else changed meanwhile are skipped and reported."
          onConfirm={confirm.run}
        >
          <p>
            {confirm.label} for {count} selected denials ({formatUsd(totalCents)} denied in all). Each is checked against its own rules; any that cannot
            change are listed afterwards.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
