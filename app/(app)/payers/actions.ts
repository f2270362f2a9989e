'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { setWriteOffThreshold, setWriteOffThresholdInput } from '@/lib/server/denials/set-write-off-threshold';
import { updatePayerRules, updatePayerRulesInput } from '@/lib/server/payers/update-payer-rules';

export const updatePayerRulesAction = authedAction(updatePayerRulesInput, { may: 'manage_payer_rules' }, async (input, { actor }) => {
  const result = await updatePayerRules(actor, input);
  // Success or conflict, the page should show what is stored now.
  revalidatePath('/payers');
  return result;
});

export const setWriteOffThresholdAction = authedAction(setWriteOffThresholdInput, { may: 'manage_payer_rules' }, async (input, { actor }) => {
  const result = await setWriteOffThreshold(actor, input);
  if (result.ok) revalidatePath('/payers');
  return result;
});
