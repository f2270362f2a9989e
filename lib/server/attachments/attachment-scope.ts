import 'server-only';
import { appealLevelLabel, parseAppealLevel } from '@/lib/domain/appeal-levels';
import { type Action, type Actor, can } from '@/lib/domain/permissions';
import type { Tx } from '../db';
import { DENIAL_NOT_FOUND } from '../denials/denial-ref';
import { AppError } from '../errors';

// The denial an attachment change is about, locked for the transaction: two uploads of the same file at once
// queue here, so the second sees the first and is refused as a duplicate. Outside the actor's reach reads as
// missing (404); within reach but not editable is a 403.

export interface LockedDenial {
  id: string;
  teamId: string | null;
  ownerId: string | null;
}

export async function lockDenial(tx: Tx, actor: Actor, denialId: string, action: Action): Promise<LockedDenial> {
  const rows = await tx.$queryRaw<LockedDenial[]>`SELECT id, "teamId", "ownerId" FROM denial WHERE id = ${denialId}::uuid FOR UPDATE`;
  const denial = rows[0] ?? null;
  if (!denial || !can(actor, 'view_denial', denial)) throw new AppError('not_found', DENIAL_NOT_FOUND);
  if (!can(actor, action, denial)) throw new AppError('forbidden', 'Your role does not allow changing this denial’s attachments.');
  return denial;
}

/** "Level 1 appeal", "External review" — as the timeline and messages name an appeal. */
export function appealLabel(level: string): string {
  const parsed = parseAppealLevel(level);
  return parsed === null ? `Appeal ${level}` : parsed === 'external' ? 'External review' : `${appealLevelLabel(parsed)} appeal`;
}

export const ATTACHMENT_NOT_FOUND = 'This attachment does not exist.';
