'use client';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { STATUS_LABEL } from '@/lib/domain/denial-labels';
import type { DenialStatus } from '@/lib/domain/lifecycle';
import type { QueueContext } from './queue-screen';

// Bulk status moves offered; each denial is still checked against its own lifecycle on the server.
const BULK_STATUSES: DenialStatus[] = ['assigned', 'in_progress', 'pending_info', 'corrected_resubmitted'];

export function BulkBar({
  count,
  ctx,
  pending,
  onClear,
  onAssign,
  onStatus,
  onFollowUp,
}: {
  count: number;
  ctx: QueueContext;
  pending: boolean;
  onClear: () => void;
  onAssign: (assignee: 'me' | string | null, label: string) => void;
  onStatus: (to: DenialStatus, label: string) => void;
  onFollowUp: () => void;
}) {
  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-1.5 text-sm">
      <span className="font-medium text-brand-900">{count} selected</span>
      <Button size="sm" onClick={() => onAssign('me', 'Assign to me')} disabled={pending}>
        Assign to me
      </Button>
      {ctx.options.viewer.canReassign ? (
        <Select
          aria-label="Assign selected to"
          value=""
          disabled={pending}
          onChange={(e) => {
            const person = ctx.options.people.find((p) => p.id === e.target.value);
            if (e.target.value === 'none') onAssign(null, 'Unassign');
            else if (person) onAssign(person.id, `Assign to ${person.name}`);
          }}
          className="h-7 text-xs"
        >
          <option value="">Assign to…</option>
          <option value="none">Nobody (unassign)</option>
          {ctx.options.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
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
        onChange={(e) => e.target.value && onStatus(e.target.value as DenialStatus, `Status → ${STATUS_LABEL[e.target.value as DenialStatus]}`)}
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
    </div>
  );
}
