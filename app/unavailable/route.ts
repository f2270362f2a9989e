// Where a page sends the browser when the database is not answering (lib/domain/unavailable-page.ts): a 503 with
// Retry-After — so load balancers, monitors and the browser's own history see an outage, not a success or a bug —
// and a plain page that says nothing was saved and goes back to the page it came from after the retry interval.
import { env } from '@/lib/env';
import { UNAVAILABLE_MESSAGE } from '@/lib/domain/contracts/result';
import { safeRedirectPath } from '@/lib/domain/safe-redirect';
import { RETRY_AFTER_SECONDS } from '@/lib/server/db-errors';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function GET(req: Request): Response {
  const url = new URL(req.url);
  // A query parameter is input: only a path on this app's own origin is followed back.
  const back = escapeHtml(safeRedirectPath(url.searchParams.get('from'), env().NEXTAUTH_URL ?? url.origin));
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Overturn is waiting for its database</title>
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS};url=${back}">
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 6rem auto; padding: 0 1rem; color: #0f172a">
<h1 style="font-size: 1.125rem">The page could not be loaded</h1>
<p>${escapeHtml(UNAVAILABLE_MESSAGE)}</p>
<p>This page tries again by itself in ${RETRY_AFTER_SECONDS} seconds. <a href="${back}">Try again now</a></p>
</body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' },
  });
}
