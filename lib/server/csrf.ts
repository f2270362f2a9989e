import 'server-only';
import { headers } from 'next/headers';
import { csrfVerdict, type CsrfVerdict } from '@/lib/domain/security/csrf';
import { env } from '@/lib/env';
import { requestProtocol } from './app-origin';

// The transports' copy of the proxy's CSRF check (defence in depth: a matcher change must not open a hole).

/** The verdict for a route handler's request (safe methods always pass). */
export function routeCsrfVerdict(req: Request): CsrfVerdict {
  return csrfVerdict({ method: req.method, headers: req.headers, protocol: new URL(req.url).protocol, publicUrl: env().NEXTAUTH_URL });
}

/** The verdict for the server action being run: always a POST. */
export async function actionCsrfVerdict(): Promise<CsrfVerdict> {
  const h = await headers();
  return csrfVerdict({ method: 'POST', headers: h, protocol: requestProtocol(h), publicUrl: env().NEXTAUTH_URL });
}
