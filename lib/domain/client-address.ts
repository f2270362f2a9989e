// Which address a request came from, when the app sits behind `trustedHops` reverse proxies.
//
// X-Forwarded-For is a list each proxy appends its own peer to, so only the right-most entries were written by
// proxies we run; everything to their left is whatever the client sent. With N trusted proxies the client is the
// N-th entry from the right — the one our outermost proxy appended. With no trusted proxy the header is ignored:
// `next start` fills it with the socket's peer only when the client sent none (base-server.ts, `??=`), so it
// cannot tell a real peer from a forged header, and the app does not know the address (null).

/** The most proxies a deployment is expected to chain; a larger setting is a typo. */
export const MAX_TRUSTED_HOPS = 10;

export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string | null {
  if (trustedHops < 1 || !forwardedFor) return null;
  const hops = forwardedFor.split(',').map((entry) => entry.trim());
  // Fewer entries than proxies: a request reached the app without passing through all of them.
  if (hops.length < trustedHops) return null;
  return normalizeAddress(hops[hops.length - trustedHops]!);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A literal IPv4 or IPv6 address in one spelling (lower case, IPv4-mapped IPv6 as IPv4, without a port or
 * brackets), or null for anything else — a hostname, "unknown", garbage.
 */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  if (IPV4.test(text)) return text;
  const groups = ipv6Groups(text);
  if (!groups) return null;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  return text;
}

/**
 * The key an address is throttled under. An IPv6 client is usually given a whole /64, so counting single
 * addresses would give it 2^64 budgets; its /64 is one key.
 */
export function addressThrottleKey(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail allowed), or null. */
function ipv6Groups(text: string): number[] | null {
  if (!/^[\da-f:.]+$/.test(text) || !text.includes(':')) return null;
  let body = text;
  const tail: number[] = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (v4) {
    if (!IPV4.test(v4[1]!)) return null;
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    // Keep the separator before the IPv4 part only when it is half of a '::'.
    body = body.slice(0, v4.index + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const want = 8 - tail.length;
  const missing = want - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const words = [...head, ...Array<string>(missing).fill('0'), ...rest];
  if (!words.every((w) => /^[\da-f]{1,4}$/.test(w))) return null;
  return [...words.map((w) => parseInt(w, 16)), ...tail];
}
