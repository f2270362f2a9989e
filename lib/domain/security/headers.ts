// The security headers every response carries. The CSP needs a fresh nonce per request, so the proxy adds it;
// the rest are the same for every response, static files included (next.config.ts).

export interface CspOptions {
  nonce: string;
  /** Served over https (the public URL): plain-http subresources are upgraded. */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval, which production never uses. */
  dev: boolean;
}

/**
 * Scripts run only with this request's nonce (Next puts it on its own scripts when it sees the CSP on the
 * request) or when loaded by such a script ('strict-dynamic'); no 'unsafe-inline' for scripts. Styles allow
 * 'unsafe-inline' because React renders style attributes (progress bars, the feedback chart) and a nonce cannot
 * cover attributes; Tailwind itself is a same-origin stylesheet.
 */
export function contentSecurityPolicy({ nonce, https, dev }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** The same on every response, static files included. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // A page's path and query can name a patient account, so other sites get the origin at most. Not
  // 'no-referrer': under it browsers send `Origin: null` on same-origin form POSTs, which the CSRF check refuses.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Two years with subdomains, sent only over https: over http a browser ignores it and it would mislead. */
export const HSTS = 'max-age=63072000; includeSubDomains';
