import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { FRONT_DESK_CATEGORIES } from '@/lib/domain/prevention/front-desk';

// The SQL pieces the front-desk page shares: which denials count (front-desk categories since a day), where a
// denial happened (the billing site the 835 names in N1*PE for the claim, else the transaction's) and its month
// in the server's time zone — the zone todayIso reads, so "this month" means the same on both sides.

export const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export const UNKNOWN_LOCATION = 'Site not named on the remittance';

export const frontDeskCategories = [...FRONT_DESK_CATEGORIES] as string[];

/**
 * FROM + WHERE over denial d and payer p — and claim c and remittance r when `withSite` or a site is chosen (the
 * location needs them; the other counts do not, and skip a join per denial): front-desk denials opened at or
 * after `since`, at `site` when one is chosen, read through denial_category_opened_idx.
 */
export function frontDeskDenials(since: Date, withSite = false, site: string | null = null): Prisma.Sql {
  const join = withSite || site !== null ? Prisma.sql`JOIN claim c ON c.id = d."claimId" JOIN remittance r ON r.id = c."remittanceId"` : Prisma.empty;
  const atSite = site !== null ? Prisma.sql`AND ${locationSql} = ${site}` : Prisma.empty;
  return Prisma.sql`
    FROM denial d
    JOIN payer p ON p.id = d."payerId"
    ${join}
   WHERE d.category = ANY(${frontDeskCategories}::text[]) AND d."openedAt" >= ${since} ${atSite}`;
}

export const monthSql = Prisma.sql`to_char(d."openedAt" AT TIME ZONE ${SERVER_TIME_ZONE}, 'YYYY-MM')`;
export const locationSql = Prisma.sql`COALESCE(NULLIF(c."payeeName", ''), NULLIF(r."payeeName", ''), ${UNKNOWN_LOCATION})`;
