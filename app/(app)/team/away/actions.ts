'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { clearAway, clearAwayInput, setAway, setAwayInput } from '@/lib/server/team/away';

export const setAwayAction = authedAction(setAwayInput, { may: 'manage_away' }, async (input, { actor }) => {
  const result = await setAway(actor, input);
  if (result.ok) revalidatePath('/team/away');
  return result;
});

export const clearAwayAction = authedAction(clearAwayInput, { may: 'manage_away' }, async (input, { actor }) => {
  const result = await clearAway(actor, input);
  if (result.ok) revalidatePath('/team/away');
  return result;
});
