'use server';
// Ending an escalation (the queue page and the denial page): auth + zod here, the rules in lib/server.
import { authedAction } from '@/lib/server/action';
import { handleEscalation, handleEscalationInput } from '@/lib/server/escalations/handle-escalation';
import { withdrawEscalation, withdrawEscalationInput } from '@/lib/server/escalations/withdraw-escalation';

export const handleEscalationAction = authedAction(handleEscalationInput, { may: 'handle_escalation' }, (input, { actor }) => handleEscalation(actor, input));
export const withdrawEscalationAction = authedAction(withdrawEscalationInput, { may: 'escalate' }, (input, { actor }) => withdrawEscalation(actor, input));
