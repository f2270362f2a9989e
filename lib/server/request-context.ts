import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/domain/client-address';
import { env } from '@/lib/env';

export interface RequestOrigin {
  /** The client's address as the trusted proxies report it; null when unknown (no TRUSTED_PROXIES). */
  ip: string | null;
  userAgent: string | null;
}

/**
 * Where a request came from — for the audit trail, the session row and the sign-in throttle, all read the
 * same way. X-Real-IP is never read: every common proxy appends to X-Forwarded-For, and `next start` would
 * pass a client's forged X-Real-IP through untouched.
 */
export function originFromHeaders(header: (name: string) => string | null | undefined): RequestOrigin {
  return { ip: clientAddress(header('x-forwarded-for'), env().TRUSTED_PROXIES), userAgent: header('user-agent') ?? null };
}

/** Where the current request (page, route handler, server action) came from. */
export async function requestOrigin(): Promise<RequestOrigin> {
  const h = await headers();
  return originFromHeaders((name) => h.get(name));
}
