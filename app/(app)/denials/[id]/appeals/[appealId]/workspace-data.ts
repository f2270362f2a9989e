import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/permissions';
import type { AppealWorkspaceDto } from '@/lib/domain/contracts/appeal-letters';
import { getAppealWorkspace } from '@/lib/server/appeals/appeal-letters';
import { AppError } from '@/lib/server/errors';

/** The workspace for the pages under it: an unknown or out-of-reach appeal is a 404, a role without denials /forbidden. */
export async function workspaceOrNotFound(actor: Actor, params: Promise<{ id: string; appealId: string }>): Promise<AppealWorkspaceDto> {
  const { id, appealId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(appealId).success) notFound();
  try {
    return await getAppealWorkspace(actor, id, appealId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') redirect('/forbidden');
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}
