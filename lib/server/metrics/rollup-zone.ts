import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { query } from '../sql';
import { serverTimeZone } from './dashboard-sql';

/** A zone's canonical name ('Etc/UTC' and 'UTC', 'US/Eastern' and 'America/New_York' name one zone each). */
export function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

let warned = false;

/**
 * Whether the rollups' days are the server's days. They are keyed by the zone recorded when they were built (the
 * database's, at migration); if the app runs in another zone its periods cut days elsewhere, so the dashboard
 * counts from denial (right, slower) and says once how to fix it. One primary-key read per count: a rebuild in
 * a new zone takes effect at the next count.
 */
export async function rollupMatchesServerZone(): Promise<boolean> {
  const [row] = await query<{ value: string }>(Prisma.sql`SELECT value FROM rollup_setting WHERE name = 'time_zone'`);
  const server = serverTimeZone();
  const matches = row !== undefined && canonicalZone(row.value) === canonicalZone(server);
  if (!matches && !warned) {
    warned = true;
    console.warn(`[dashboard] the rollups count days in ${row?.value ?? 'no zone'}, the server in ${server}: counting from denial until \`npm run db:rebuild-rollup\` rebuilds them in the server's zone.`);
  }
  return matches;
}
