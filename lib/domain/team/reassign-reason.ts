// When moving a denial needs a "why" (issue 14). Taking work yourself, or handing out work from the pool, is
// ordinary; taking a denial away from the colleague who owns it is not, and the colleague should learn why.

import { z } from 'zod';
import { plainText } from '../contracts/text';

/** A reassignment's reason as typed: a few lines of plain text, optional unless `reassignNeedsReason` says so. */
export const reassignReason = plainText(z.string().trim().max(2000), 'multi-line');

/** The fewest characters that count as a reason (a single letter is not one). */
export const REASON_MIN = 3;

/**
 * Whether moving a denial from `currentOwnerId` to `targetId` (null: back to the pool) by `actorId` must say why:
 * yes when it takes the denial away from someone other than the actor, unless the actor takes it themselves.
 */
export function reassignNeedsReason(actorId: string, currentOwnerId: string | null, targetId: string | null): boolean {
  if (targetId === actorId) return false;
  return currentOwnerId !== null && currentOwnerId !== actorId;
}

/** The reason, trimmed, when it is long enough to count; null when none was given. */
export function givenReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  return text.length >= REASON_MIN ? text : null;
}
