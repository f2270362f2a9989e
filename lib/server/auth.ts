import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { authSecret, env } from '@/lib/env';
import type { Role } from '@/lib/domain/permissions';
import { audit } from './audit';
import { AppError } from './errors';
import { openSession, resolveSession, revokeSession, type SessionUser } from './sessions';
import { credentialsInput, verifyCredentials } from './users/verify-credentials';

export type { SessionUser };

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
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, req) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const ip = headerOf(req, 'x-forwarded-for')?.split(',')[0]?.trim() ?? null;
        const userAgent = headerOf(req, 'user-agent');
        const user = await verifyCredentials(parsed.data);
        if (!user) {
          await audit({ id: null, email: parsed.data.email, ip, userAgent }, { action: 'auth.sign_in_failed', entityType: 'user' });
          return null;
        }
        const sessionId = await openSession(user.id, ip, userAgent);
        await audit({ id: user.id, email: user.email, ip, userAgent }, { action: 'auth.sign_in', entityType: 'user', entityId: user.id });
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'sessionId' in user) token.sid = user.sessionId as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') {
        await revokeSession(token.sid);
        await audit({ id: token.sub ?? null, email: token.email ?? null }, { action: 'auth.sign_out', entityType: 'user', entityId: token.sub ?? null });
      }
    },
  },
};

/** The signed-in user for this request, or null. Only this function answers "who are you". */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: unknown } | null;
  if (!session || typeof session.sid !== 'string') return null;
  return resolveSession(session.sid);
});

/** For pages and layouts: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?expired=1');
  return user;
}

/** For pages: the user if their role is one of `roles`, else a redirect to the forbidden page. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect('/forbidden');
  return user;
}

/** For operations called outside a page: throws instead of redirecting. */
export function assertRole(user: SessionUser, ...roles: Role[]): void {
  if (!roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this.');
}
