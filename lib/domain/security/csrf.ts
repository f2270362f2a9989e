// Cross-site request forgery: whether a state-changing request may proceed, from the headers a browser sets and
// a page cannot forge (Origin, Sec-Fetch-*). One verdict for the proxy and both transports (route.ts, action.ts).
//
// Accepted origins are the public URL's (NEXTAUTH_URL, what people type) and the request's own (Host + protocol,
// what reached this server): a browser sets Host and Origin itself, so an attacker's page can match neither.
// Another port on the same host is same-site but a different origin, hence refused.

export interface HeaderReader {
  get(name: string): string | null;
}

export interface CsrfRequest {
  method: string;
  headers: HeaderReader;
  /** 'http:' or 'https:' as this server received the request (the socket, or Next's x-forwarded-proto). */
  protocol: string;
  /** NEXTAUTH_URL when configured. */
  publicUrl?: string | null;
}

export type CsrfRefusal = 'null_origin' | 'foreign_origin' | 'missing_origin' | 'cross_site';
export type CsrfVerdict = { ok: true } | { ok: false; reason: CsrfRefusal };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_MESSAGE = 'Cross-site request refused: this request did not come from an Overturn page.';

function originOf(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const { origin } = new URL(text);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * A browser request is one carrying Fetch metadata (every current browser sends Sec-Fetch-* on every request) or
 * a browser's User-Agent (older browsers without Fetch metadata). Browsers send Origin on every POST, PUT, PATCH
 * and DELETE (Fetch standard), so a browser request without one is anomalous and refused. A client without
 * either — curl, a script, an integration — holds its own cookie rather than a victim's, so forgery does not
 * apply; it still has to sign in.
 */
function looksLikeBrowser(headers: HeaderReader): boolean {
  if (headers.get('sec-fetch-site') || headers.get('sec-fetch-mode') || headers.get('sec-fetch-dest')) return true;
  return /^Mozilla\//.test(headers.get('user-agent') ?? '');
}

export function csrfVerdict(req: CsrfRequest): CsrfVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  const origin = req.headers.get('origin');
  if (origin === null || origin === '') return looksLikeBrowser(req.headers) ? { ok: false, reason: 'missing_origin' } : { ok: true };
  // Browsers send the literal "null" after a cross-origin redirect, from sandboxed frames and data: URLs.
  if (origin.trim().toLowerCase() === 'null') return { ok: false, reason: 'null_origin' };
  const host = req.headers.get('host');
  const ours = [originOf(req.publicUrl), host ? originOf(`${req.protocol}//${host}`) : null].filter((o) => o !== null);
  const claimed = originOf(origin);
  if (claimed === null || !ours.includes(claimed)) return { ok: false, reason: 'foreign_origin' };
  // Our own origin yet the browser calls the request cross-site: the headers contradict each other, so refuse.
  const site = req.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return { ok: false, reason: 'cross_site' };
  return { ok: true };
}
