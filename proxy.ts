// The edge of every request but static files. It refuses cross-site mutations before Next handles them (API
// routes, next-auth's POSTs and pages' server actions, where Next itself would answer 500), gives pages and API
// responses a per-request CSP nonce and the security headers, and sends visitors without a session cookie to
// sign-in. It only refuses forgeries and redirects: whether a session is valid, and what its user may do, is
// decided on the server by requireActor() / requirePermission() / withUser() / authedAction().
import { NextResponse, type NextRequest } from 'next/server';
import { CSRF_MESSAGE, csrfVerdict } from '@/lib/domain/security/csrf';
import { contentSecurityPolicy, HSTS, STATIC_SECURITY_HEADERS } from '@/lib/domain/security/headers';
import { PAGE_PATH_HEADER } from '@/lib/domain/unavailable-page';
import { env, servedOverHttps } from '@/lib/env';
import { refuseBadActionBody } from '@/lib/server/action-body-guard';

// next-auth names the cookie __Secure-… when the public URL is https (lib/server/auth.ts).
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
// API routes answer 401 themselves; sign-in and the forbidden page are for everyone.
const NO_SIGN_IN_NEEDED = /^\/(api|signin|forbidden|unavailable)(\/|$)/;

function withSecurityHeaders<R extends Response>(res: R, csp: string, https: boolean): R {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(name, value);
  res.headers.set('Content-Security-Policy', csp);
  if (https) res.headers.set('Strict-Transport-Security', HSTS);
  return res;
}

function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export async function proxy(req: NextRequest) {
  const { NEXTAUTH_URL, NODE_ENV } = env();
  const https = servedOverHttps();
  const csp = contentSecurityPolicy({ nonce: nonce(), https, dev: NODE_ENV === 'development' });

  const verdict = csrfVerdict({ method: req.method, headers: req.headers, protocol: req.nextUrl.protocol, publicUrl: NEXTAUTH_URL });
  if (!verdict.ok) {
    return withSecurityHeaders(NextResponse.json({ ok: false, code: 'forbidden', message: CSRF_MESSAGE }, { status: 403 }), csp, https);
  }

  // A server action's body Next could not read would be its 500: refused here as a 4xx (action-body-guard.ts).
  const badBody = await refuseBadActionBody(req);
  if (badBody) return withSecurityHeaders(badBody, csp, https);

  const { pathname, search } = req.nextUrl;
  if (!NO_SIGN_IN_NEEDED.test(pathname) && !SESSION_COOKIES.some((name) => req.cookies.has(name))) {
    const url = req.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withSecurityHeaders(NextResponse.redirect(url), csp, https);
  }

  // Next reads the nonce from the request's CSP and puts it on its own scripts (pages render per request).
  const headers = new Headers(req.headers);
  headers.set('Content-Security-Policy', csp);
  // A page that finds the database down sends the browser to /unavailable and back here (lib/server/auth.ts).
  headers.set(PAGE_PATH_HEADER, pathname + search);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, https);
}

export const config = {
  // Everything but static files, which next.config.ts gives the fixed headers, the two upload routes: Next
  // buffers a body that passes through the proxy and cuts it at 10 MB (proxyClientMaxBodySize), while a remittance
  // may be 2 GB (UPLOAD_MAX_BYTES). withUser refuses a forged upload with the same verdict and the same 403. And the balancer’s
  // probes (/api/health, /api/ready): GET only, no cookie, no HTML, asked every few seconds per instance.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|api/imports/835$|api/imports/csv$|api/health$|api/ready$).*)'],
};
