'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { updateOrganization, updateOrganizationInput } from '@/lib/server/organization/update-organization';

export const updateOrganizationAction = authedAction(updateOrganizationInput, { may: 'manage_organization' }, async (input, { actor }) => {
  const result = await updateOrganization(actor, input);
  // Success or conflict, the page should show what is stored now.
  revalidatePath('/admin/organization');
  return result;
});
