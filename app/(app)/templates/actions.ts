'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { createTemplate, createTemplateInput } from '@/lib/server/templates/create-template';
import { saveTemplateVersion, saveTemplateVersionInput } from '@/lib/server/templates/save-template-version';
import { setTemplateArchived, setTemplateArchivedInput } from '@/lib/server/templates/set-template-archived';

export const createTemplateAction = authedAction(createTemplateInput, { may: 'manage_templates' }, async (input, { actor }) => {
  const result = await createTemplate(actor, input);
  if (result.ok) revalidatePath('/templates');
  return result;
});

export const saveTemplateVersionAction = authedAction(saveTemplateVersionInput, { may: 'manage_templates' }, async (input, { actor }) => {
  const result = await saveTemplateVersion(actor, input);
  // Success or conflict, the page should show what is stored now.
  revalidatePath('/templates', 'layout');
  return result;
});

export const setTemplateArchivedAction = authedAction(setTemplateArchivedInput, { may: 'manage_templates' }, async (input, { actor }) => {
  const result = await setTemplateArchived(actor, input);
  revalidatePath('/templates', 'layout');
  return result;
});
