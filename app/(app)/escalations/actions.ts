'use server';
// Handling an escalation (the queue page and the denial page): auth + zod here, the rules in lib/server.
import { authedAction } from '@/lib/server/action';
import { handleEscalation, handleEscalationInput } from '@/lib/server/escalations/handle-escalation';

export const handleEscalationAction = authedAction(handleEscalationInput, { may: 'handle_escalation' }, (input, { actor }) => handleEscalation(actor, input));
