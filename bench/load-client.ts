// The HTTP side of bench/load.ts: a signed-in person (next-auth's credentials endpoint, as the sign-in form
// posts), their cookies, and calls to route handlers and server actions the way a browser sends them (Origin
// for the CSRF check, the action's id in Next-Action, its arguments as a JSON array).
import { UNAVAILABLE_PAGE } from '../lib/domain/unavailable-page';
import type { Outcome } from './load-stats';

export interface Answer<T = unknown> {
  outcome: Outcome;
  status: number;
  body?: T;
  retryAfter?: string | null;
}

const TIMEOUT_MS = 30_000;

export class Person {
  private cookies = new Map<string, string>();

  constructor(
    readonly origin: string,
    readonly email: string,
  ) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: this.origin, ...extra };
  }

  async signIn(password: string): Promise<void> {
    const csrf = await fetch(`${this.origin}/api/auth/csrf`, { headers: this.headers() });
    this.remember(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${this.origin}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ email: this.email, password, csrfToken, json: 'true' }),
      redirect: 'manual',
    });
    this.remember(res);
    if (![...this.cookies.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in of ${this.email} failed (${res.status} ${await res.text()})`);
  }

  /** A GET of a route handler (JSON) or a page (HTML, read to the end as a browser would). */
  async get<T>(path: string, json = true): Promise<Answer<T>> {
    try {
      let res = await fetch(`${this.origin}${path}`, { headers: this.headers(), redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      // A page that finds the database down sends the browser on to the 503 page (app/unavailable): followed
      // here, so its status and Retry-After are what count. Any other redirect (to sign-in) is an error.
      const to = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && to?.includes(UNAVAILABLE_PAGE)) {
        await res.text();
        res = await fetch(new URL(to, this.origin), { headers: this.headers(), redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      }
      const text = await res.text();
      // A redirect after the page began streaming arrives as a 200 with a refresh tag: that is no success.
      if (res.status === 200 && !json && text.includes(`url=${UNAVAILABLE_PAGE}`)) return { outcome: 'other', status: 200 };
      const body = json && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : undefined;
      return { outcome: statusOutcome(res.status), status: res.status, body, retryAfter: res.headers.get('retry-after') };
    } catch {
      return { outcome: 'network', status: 0 };
    }
  }

  /**
   * A server action, posted to the page it lives on. The answer is React's flight stream: its row "1:" holds the
   * action's return value, here always a Result ({ ok: true, data } or { ok: false, code, message }).
   */
  async action<T>(page: string, actionId: string, input: unknown): Promise<Answer<{ ok: boolean; code?: string; data?: T }>> {
    try {
      const res = await fetch(`${this.origin}${page}`, {
        method: 'POST',
        headers: this.headers({ 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' }),
        body: JSON.stringify([input]),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      if (res.status !== 200) return { outcome: statusOutcome(res.status), status: res.status, retryAfter: res.headers.get('retry-after') };
      const row = text.split('\n').find((l) => l.startsWith('1:'));
      if (!row) return { outcome: 'other', status: res.status };
      const result = JSON.parse(row.slice(2)) as { ok: boolean; code?: string; data?: T };
      return { outcome: resultOutcome(result), status: res.status, body: result };
    } catch {
      return { outcome: 'network', status: 0 };
    }
  }
}

function statusOutcome(status: number): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'internal';
  if (status === 409 || status === 422) return 'refused';
  return 'other';
}

function resultOutcome(r: { ok: boolean; code?: string }): Outcome {
  if (r.ok) return 'ok';
  if (r.code === 'unavailable') return 'unavailable';
  if (r.code === 'internal') return 'internal';
  if (r.code === 'conflict' || r.code === 'invalid_input') return 'refused';
  return 'other';
}
