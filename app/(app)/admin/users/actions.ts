'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { createUser } from '@/lib/server/users/create-user';
import { createUserInput, updateUserInput } from '@/lib/server/users/schemas';
import { updateUser } from '@/lib/server/users/update-user';

export const createUserAction = authedAction(createUserInput, { may: 'manage_users' }, async (input, { actor }) => {
  const result = await createUser(actor, input);
  if (result.ok) revalidatePath('/admin/users');
  return result;
});

export const updateUserAction = authedAction(updateUserInput, { may: 'manage_users' }, async (input, { actor }) => {
  const result = await updateUser(actor, input);
  if (result.ok) revalidatePath('/admin/users');
  return result;
});
