import 'server-only';
import { audit, systemActor } from '../audit';
import type { RequestOrigin } from '../request-context';
import { openSession } from '../sessions';
import { releaseAttempt, reserveAttempt, throttleKeys } from './login-throttle';
import { type CredentialsInput, verifyCredentials } from './verify-credentials';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * One password sign-in, start to end: the throttle first (a throttled attempt costs no argon2 work and checks
 * nothing), then the password, then a server-side session. Every outcome writes its audit event.
 */
export async function signInWithPassword(credentials: CredentialsInput, origin: RequestOrigin, now = new Date()): Promise<SignInResult> {
  const keys = throttleKeys(credentials.email, origin.ip);
  const reservation = await reserveAttempt(keys, now);
  if (!reservation.allowed) {
    const details = { scope: reservation.scope, retryAfterSeconds: Math.ceil(reservation.retryAfterMs / 1000) };
    await audit(systemActor(credentials.email, origin.userAgent, { ip: origin.ip }), { action: 'auth.sign_in_throttled', entityType: 'user', details });
    return { ok: false, reason: 'throttled', retryAfterMs: reservation.retryAfterMs };
  }
  const user = await verifyCredentials(credentials);
  if (!user) {
    await audit(systemActor(credentials.email, origin.userAgent, { ip: origin.ip }), { action: 'auth.sign_in_failed', entityType: 'user' });
    return { ok: false, reason: 'invalid' };
  }
  await releaseAttempt(keys, now);
  const sessionId = await openSession(user.id, origin.ip, origin.userAgent);
  await audit(systemActor(user.email, origin.userAgent, { id: user.id, ip: origin.ip }), { action: 'auth.sign_in', entityType: 'user', entityId: user.id });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionId };
}
