'use client';
import { useState } from 'react';
import type { EscalationOutcome } from '@/lib/domain/escalations/handling';
import { Button } from '../ui/button';
import { HandleEscalationDialog, type HandleEscalationVars } from './handle-escalation-dialog';

/** A manager's three ways to end an escalation, each through its dialog (the queue row and the denial page). */
export function EscalationControls({
  escalationId,
  subject,
  reason,
  people,
  ownerId,
  hasOwner,
  onSubmit,
}: {
  escalationId: string;
  /** Names the denial in each dialog and in the buttons' accessible names. */
  subject: string;
  reason: string;
  people: { id: string; name: string }[];
  ownerId: string | null;
  hasOwner: boolean;
  onSubmit: (vars: HandleEscalationVars) => void;
}) {
  const [outcome, setOutcome] = useState<EscalationOutcome | null>(null);
  const button = (which: EscalationOutcome, label: string, variant: 'primary' | 'secondary') => (
    <Button size="sm" variant={variant} onClick={() => setOutcome(which)} aria-label={`${label} — ${subject}`}>
      {label}…
    </Button>
  );
  return (
    <div className="flex flex-wrap gap-1.5">
      {button('resolved', 'Resolve', 'primary')}
      {/* Returning needs someone to return it to. */}
      {hasOwner ? button('returned', 'Return', 'secondary') : null}
      {button('reassigned', 'Reassign', 'secondary')}
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
