import 'server-only';
import { headers } from 'next/headers';

/** Where a request came from, for the audit trail. */
export async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || h.get('x-real-ip') || null, userAgent: h.get('user-agent') };
}
