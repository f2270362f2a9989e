// Where to send someone after sign-in. A callbackUrl is user input: it is parsed the way a browser will read it
// (WHATWG URL: tabs and newlines dropped, '\' read as '/') against the app's origin, and kept only when it stays
// on that origin. String checks such as startsWith('/') miss '/\evil.example', which browsers read as
// '//evil.example'.

/** A same-origin path (path + search + hash) for `target`, else '/'. */
export function safeRedirectPath(target: unknown, appOrigin: string): string {
  if (typeof target !== 'string' || target.trim() === '') return '/';
  let base: URL;
  let url: URL;
  try {
    base = new URL(appOrigin);
    url = new URL(target, base);
  } catch {
    return '/';
  }
  if (url.origin !== base.origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // '/.//evil.example' parses to the path '//evil.example', which a browser would read as another host.
  return path.startsWith('//') ? '/' : path;
}
