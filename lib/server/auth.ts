import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { decode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { authSecret, env, servedOverHttps } from '@/lib/env';
import { throttledMessage } from '@/lib/domain/login-throttle';
import { type Action, type Actor, roleMay } from '@/lib/domain/permissions';
import { safeRedirectPath } from '@/lib/domain/safe-redirect';
import { audit, systemActor } from './audit';
import { redirectIfUnavailable } from './page-outage';
import { originFromHeaders, requestOrigin } from './request-context';
import { resolveSession, revokeSession, type SessionUser } from './sessions';
import { signInWithPassword } from './users/sign-in';
import { credentialsInput } from './users/verify-credentials';

function headerOf(req: { headers?: Record<string, unknown> } | undefined, name: string): string | null {
  const value = req?.headers?.[name];
  return typeof value === 'string' ? value : null;
}

// The JWT carries only the id of a server-side session row; lib/server/sessions.ts decides whether it is
// still good on every request (idle and absolute limits, revocation, disabled users).
export const authOptions: NextAuthOptions = {
  // Read when a request needs it, so building the app does not require the secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: 'jwt', maxAge: env().SESSION_MAX_HOURS * 3600 },
  // Secure (and __Secure- named) cookies exactly when the public URL is https; proxy.ts knows both names.
  useSecureCookies: servedOverHttps(),
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, req) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await signInWithPassword(parsed.data, originFromHeaders((name) => headerOf(req, name)));
        // next-auth hands a thrown error's message to signIn()'s result.error, which the sign-in form shows.
        if (!result.ok && result.reason === 'throttled') throw new Error(throttledMessage(result.retryAfterMs));
        if (!result.ok) return null;
        return { ...result.user, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'sessionId' in user) token.sid = user.sessionId as string;
      return token;
    },
    // What /api/auth/session shows the browser: signed out ({}) unless the server-side session is still good,
    // and never the session id. It reports without counting as activity (no lastSeenAt refresh).
    async session({ session, token }) {
      const user = typeof token.sid === 'string' ? await resolveSession(token.sid, new Date(), { touch: false }) : null;
      if (!user) return {} as typeof session;
      return { expires: session.expires, user: { name: user.name, email: user.email } };
    },
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl), baseUrl).toString();
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') {
        await revokeSession(token.sid);
        await audit(systemActor(token.email ?? null, null, { id: token.sub ?? null }), { action: 'auth.sign_out', entityType: 'user', entityId: token.sub ?? null });
      }
    },
  },
};

/**
 * The signed-in user for this request, or null. Only this function answers "who are you". It reads the session
 * cookie itself: the session body next-auth gives the browser carries no session id.
 */
const getSessionUser = cache(async (touch: boolean): Promise<SessionUser | null> => {
  // next-auth's cookie name, __Secure- prefixed with useSecureCookies.
  const raw = (await cookies()).get(`${servedOverHttps() ? '__Secure-' : ''}next-auth.session-token`)?.value;
  const token = raw ? await decode({ token: raw, secret: authSecret() }).catch(() => null) : null;
  if (!token || typeof token.sid !== 'string') return null;
  return resolveSession(token.sid, new Date(), { touch });
});

/**
 * The request's one Actor — who (role, team, scope) and from where (ip, user agent) — or null when nobody is
 * signed in. Built once per request (React's cache) by whichever transport asks first. `touch: false` is for
 * background polls (the notification count): they authenticate without counting as activity, so a tab left open
 * does not keep an idle session alive.
 */
export const getActor = cache(async (touch: boolean = true): Promise<Actor | null> => {
  const user = await getSessionUser(touch);
  if (!user) return null;
  const { ip, userAgent } = await requestOrigin();
  return { id: user.id, role: user.role, teamId: user.teamId, orgWide: user.orgWide, name: user.name, email: user.email, ip, userAgent };
});

/**
 * For pages and layouts: the Actor, or a redirect to sign-in. The session lookup is every page's first read of
 * the database: when the database is down it sends the browser to the 503 page (app/unavailable) instead of
 * rendering the error page with a 500 — a server component cannot answer 503 itself.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor().catch(async (error: unknown) => {
    await redirectIfUnavailable(error);
    throw error;
  });
  if (!actor) redirect('/signin?expired=1');
  return actor;
}

/**
 * For pages: the Actor if their role has `action` at all, else a redirect to the forbidden page. The operations
 * the page calls check again, with the record in hand.
 */
export async function requirePermission(action: Action): Promise<Actor> {
  const actor = await requireActor();
  if (!roleMay(actor.role, action)) redirect('/forbidden');
  return actor;
}
