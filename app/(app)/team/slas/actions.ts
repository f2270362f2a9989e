'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/server/action';
import { previewTeamSla, previewTeamSlaInput } from '@/lib/server/sla/preview-team-sla';
import { runSlaCheckNow } from '@/lib/server/sla/run-sla-now';
import { updateTeamSla, updateTeamSlaInput } from '@/lib/server/sla/update-team-sla';

export const updateTeamSlaAction = authedAction(updateTeamSlaInput, { may: 'manage_team_slas' }, async (input, { actor }) => {
  const result = await updateTeamSla(actor, input);
  // Success or conflict, the page should show what is stored now.
  revalidatePath('/team/slas');
  return result;
});

export const runSlaCheckNowAction = authedAction(z.object({}), { may: 'manage_team_slas' }, async (_input, { actor }) => {
  const result = await runSlaCheckNow(actor);
  revalidatePath('/team/slas');
  return result;
});

export const previewTeamSlaAction = authedAction(previewTeamSlaInput, { may: 'manage_team_slas' }, async (input, { actor }) => previewTeamSla(actor, input));
