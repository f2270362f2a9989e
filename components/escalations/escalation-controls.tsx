'use client';
import { useState } from 'react';
import type { EscalationEnd } from '@/lib/domain/escalations/handling';
import { Button } from '../ui/button';
import { type EndEscalationVars, HandleEscalationDialog } from './handle-escalation-dialog';

/**
 * The ways the viewer may end an escalation, each through its dialog: a manager's three (the queue row and the
 * denial page), and the raiser's withdrawal (the denial page).
 */
export function EscalationControls({
  escalationId,
  subject,
  reason,
  people,
  ownerId,
  hasOwner,
  canHandle = true,
  canWithdraw = false,
  onSubmit,
}: {
  escalationId: string;
  /** Names the denial in each dialog and in the buttons' accessible names. */
  subject: string;
  reason: string;
  people: { id: string; name: string }[];
  ownerId: string | null;
  hasOwner: boolean;
  canHandle?: boolean;
  canWithdraw?: boolean;
  onSubmit: (vars: EndEscalationVars) => void;
}) {
  const [outcome, setOutcome] = useState<EscalationEnd | null>(null);
  const button = (which: EscalationEnd, label: string, variant: 'primary' | 'secondary') => (
    <Button size="sm" variant={variant} onClick={() => setOutcome(which)} aria-label={`${label} — ${subject}`}>
      {label}…
    </Button>
  );
  return (
    <div className="flex flex-wrap gap-1.5">
      {canHandle ? button('resolved', 'Resolve', 'primary') : null}
      {/* Returning needs someone to return it to. */}
      {canHandle && hasOwner ? button('returned', 'Return', 'secondary') : null}
      {canHandle ? button('reassigned', 'Reassign', 'secondary') : null}
      {canWithdraw ? button('withdrawn', 'Withdraw', 'secondary') : null}
      {outcome ? (
        <HandleEscalationDialog
          open
          onOpenChange={(o) => !o && setOutcome(null)}
          outcome={outcome}
          escalationId={escalationId}
          subject={subject}
          reason={reason}
          people={people}
          ownerId={ownerId}
          onSubmit={onSubmit}
        />
      ) : null}
    </div>
  );
}
