'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { denialActor } from '@/lib/server/denials/dto';
import { setWriteOffThreshold, setWriteOffThresholdInput } from '@/lib/server/denials/set-write-off-threshold';
import { updatePayerRules, updatePayerRulesInput } from '@/lib/server/payers/update-payer-rules';

export const updatePayerRulesAction = authedAction(updatePayerRulesInput, { roles: ['manager'] }, async (input, { user, actor }) => {
  const result = await updatePayerRules(denialActor(user, actor), input);
  // Success or conflict, the page should show what is stored now.
  revalidatePath('/payers');
  return result;
});

export const setWriteOffThresholdAction = authedAction(setWriteOffThresholdInput, { roles: ['manager'] }, async (input, { user, actor }) => {
  const result = await setWriteOffThreshold(denialActor(user, actor), input);
  if (result.ok) revalidatePath('/payers');
  return result;
});
