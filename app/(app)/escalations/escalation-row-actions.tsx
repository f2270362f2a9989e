'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { EscalationControls } from '@/components/escalations/escalation-controls';
import type { EndEscalationVars } from '@/components/escalations/handle-escalation-dialog';
import { notify } from '@/lib/client/notices';
import { ESCALATION_OUTCOME_VERB } from '@/lib/domain/escalations/handling';
import { handleEscalationAction } from './actions';

/** One queue row's controls: the shared dialogs, then the page reads again (the handled row leaves it). */
export function EscalationRowActions(props: {
  escalationId: string;
  subject: string;
  reason: string;
  people: { id: string; name: string }[];
  ownerId: string | null;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (vars: EndEscalationVars) =>
    startTransition(async () => {
      // Withdrawing is the raiser's, from the denial page: a manager's row never offers it.
      if (vars.outcome === 'withdrawn') return;
      setProblem(null);
      let result;
      try {
        result = await handleEscalationAction({ ...vars, outcome: vars.outcome });
      } catch {
        result = { ok: false as const, message: 'The server could not be reached. Nothing was saved — try again.' };
      }
      if (!result.ok) {
        setProblem(result.message);
        return;
      }
      notify(`Escalation ${ESCALATION_OUTCOME_VERB[vars.outcome]}.`, 'success');
      router.refresh();
    });
  return (
    <div className="space-y-1" aria-busy={pending}>
      <EscalationControls {...props} hasOwner={props.ownerId !== null} onSubmit={submit} />
      {problem ? (
        <p role="alert" className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
