'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { RERUN_SCOPES, moveRuleInput, rerunInput, ruleDraftInput, ruleRefInput, toggleRuleInput } from '@/lib/domain/contracts/assignment-rules';
import { authedAction } from '@/lib/server/action';
import { deleteRule, moveRule, toggleRule } from '@/lib/server/assignment/arrange-rules';
import { previewRule } from '@/lib/server/assignment/preview-rule';
import { previewRerun, rerunUnassigned } from '@/lib/server/assignment/rerun-unassigned';
import { saveRule } from '@/lib/server/assignment/save-rule';

const may = { may: 'manage_assignment_rules' } as const;

/** Success or conflict, the page shows what is stored now. */
function refreshed<T>(result: T): T {
  revalidatePath('/assignment-rules');
  return result;
}

export const saveRuleAction = authedAction(ruleDraftInput, may, async (input, { actor }) => refreshed(await saveRule(actor, input)));
export const moveRuleAction = authedAction(moveRuleInput, may, async (input, { actor }) => refreshed(await moveRule(actor, input)));
export const toggleRuleAction = authedAction(toggleRuleInput, may, async (input, { actor }) => refreshed(await toggleRule(actor, input)));
export const deleteRuleAction = authedAction(ruleRefInput, may, async (input, { actor }) => refreshed(await deleteRule(actor, input)));
export const previewRuleAction = authedAction(ruleDraftInput, may, async (input, { actor }) => previewRule(actor, input));
export const previewRerunAction = authedAction(z.object({ scope: z.enum(RERUN_SCOPES) }), may, async (input, { actor }) => previewRerun(actor, input.scope));
export const rerunUnassignedAction = authedAction(rerunInput, may, async (input, { actor }) => {
  const result = await rerunUnassigned(actor, input);
  if (result.ok) revalidatePath('/queue');
  return refreshed(result);
});
