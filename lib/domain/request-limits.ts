// Request body limits and how a message names them. No server action takes a file (uploads go through the
// route handlers in app/api/imports, with their own limits): the largest action body is a bulk edit of 200
// denials (about 12 KB) or a 4,000-character note (at most 12 KB of UTF-8), so 256 KB is generous headroom
// while keeping Next's 1 MB default (and the 10 MB a reviewer sent) far out of reach.
export const ACTION_BODY_LIMIT_BYTES = 256 * 1024;

/** "200 MB", "256 KB", "100 bytes": exact, never rounded to a size the limit is not. */
export function sizeText(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
