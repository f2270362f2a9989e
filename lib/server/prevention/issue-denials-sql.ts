import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

/** How far back a prevention issue's linked denials reach: the cause as it shows now, not its whole history. */
export const LINK_WINDOW_DAYS = 90;

/**
 * The denials that show issue i's cause: same category, carrying its CARC if it names one, from its payer if it
 * names one. Computed, not stored, so denials imported after the issue was logged link to it by themselves.
 */
export const issueMatchesDenial = Prisma.sql`
  d.category = i.category
  AND (i."carcCode" IS NULL OR i."carcCode" = ANY(d."carcCodes"))
  AND (i."payerId" IS NULL OR i."payerId" = d."payerId")`;
