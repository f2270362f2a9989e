import 'server-only';
import { env } from '@/lib/env';
import type { Role } from '@/lib/domain/permissions';
import { checkSession } from '@/lib/domain/session-activity';
import { db } from './db';

/** The user a live session belongs to; the transports turn it into the request's Actor (auth.ts). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  orgWide: boolean;
  sessionId: string;
}

export async function openSession(userId: string, ip: string | null, userAgent: string | null): Promise<string> {
  const session = await db.authSession.create({ data: { userId, ip, userAgent } });
  return session.id;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * The session's user when the session is still good: not revoked, not idle past the limit, not older than
 * the absolute limit, and its user not disabled. Anything else ends the session here, on the server. A use
 * refreshes lastSeenAt (now and then, see session-activity.ts) unless `touch` is false: the browser asking
 * whether it is signed in is not activity.
 */
export async function resolveSession(sessionId: string, now = new Date(), { touch = true } = {}): Promise<SessionUser | null> {
  const session = await db.authSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  const check = checkSession({ ...session, now }, { idleMinutes: SESSION_IDLE_MINUTES, maxHours: SESSION_MAX_HOURS });
  if (check === 'ended') {
    await revokeSession(session.id);
    return null;
  }
  if (check === 'refresh' && touch) {
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId, orgWide: user.orgWide, sessionId: session.id };
}
