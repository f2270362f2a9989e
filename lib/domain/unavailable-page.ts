// A page whose database is down answers 503 (issue 16), as route handlers and actions do. A server component
// cannot set its response's status, so the page sends the browser to /unavailable (a route handler, which can)
// with the page it came from, and that answer offers, then makes, the way back once the database is up again.

/** The request header the proxy sets to the page's own path and query: server components are not told their URL. */
export const PAGE_PATH_HEADER = 'x-overturn-page';

export const UNAVAILABLE_PAGE = '/unavailable';

/** Where a page sends the browser when the database is down: back to `from` (a same-origin path) from there. */
export function unavailablePageUrl(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith(UNAVAILABLE_PAGE) ? `${UNAVAILABLE_PAGE}?from=${encodeURIComponent(from)}` : UNAVAILABLE_PAGE;
}
