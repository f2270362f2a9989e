// Sends visitors without a session cookie to sign-in. It only redirects: whether a session is valid, and
// what its user may do, is decided on the server by requireActor() / requirePermission() / withUser() / authedAction().
import { NextResponse, type NextRequest } from 'next/server';
import { refuseBadActionBody } from '@/lib/server/action-body-guard';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export async function proxy(req: NextRequest) {
  const refused = await refuseBadActionBody(req);
  if (refused) return refused;
  const hasCookie = SESSION_COOKIES.some((name) => req.cookies.has(name));
  if (hasCookie) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/signin';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 themselves; sign-in, static assets and the app's icons stay public.
  matcher: ['/((?!api|signin|forbidden|_next|favicon.ico|icon.svg|apple-icon.png).*)'],
};
