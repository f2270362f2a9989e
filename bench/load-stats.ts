// Bounded-memory counters for bench/load.ts: a latency histogram per endpoint (fixed buckets, not an array of
// every sample, so a long run at 50 clients costs the same few kilobytes as a short one) and a per-second
// timeline of outcomes for the error rate before, during and after a database restart.

/** 0–2 s in 1 ms buckets, then 2–120 s in 100 ms buckets; anything slower lands in the last. */
const FINE_MS = 2_000;
const COARSE_MS = 100;
const BUCKETS = FINE_MS + (120_000 - FINE_MS) / COARSE_MS + 1;

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  n = 0;
  private sum = 0;

  record(ms: number): void {
    const i = ms < FINE_MS ? Math.floor(ms) : Math.min(BUCKETS - 1, FINE_MS + Math.floor((ms - FINE_MS) / COARSE_MS));
    this.counts[i]!++;
    this.n++;
    this.sum += ms;
  }

  /** The upper edge of the bucket holding the p-th percentile (ms): an over- rather than an under-statement. */
  percentile(p: number): number {
    if (this.n === 0) return 0;
    const rank = Math.ceil((p / 100) * this.n);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return i < FINE_MS ? i + 1 : FINE_MS + (i - FINE_MS + 1) * COARSE_MS;
    }
    return 120_000;
  }

  mean(): number {
    return this.n ? Math.round((this.sum / this.n) * 10) / 10 : 0;
  }
}

/** What became of one request. */
export type Outcome =
  /** 2xx, or an action's { ok: true }. */
  | 'ok'
  /** Refused on its merits: a version conflict (409) or a follow-up already on that date (422) — not an error. */
  | 'refused'
  /** 503 with Retry-After, or an action's { ok: false, code: 'unavailable' }: "nothing was saved, try again". */
  | 'unavailable'
  /** 500 or an action's 'internal': a bug. */
  | 'internal'
  /** Any other status (401 after a lost session, 404 …): a bug in the bench or the app. */
  | 'other'
  /** No HTTP answer at all: refused connection, reset, timeout — the server process itself failed. */
  | 'network';

export const OUTCOMES: Outcome[] = ['ok', 'refused', 'unavailable', 'internal', 'other', 'network'];
export const isError = (o: Outcome) => o !== 'ok' && o !== 'refused';

/** Outcomes per second since the phase began (bounded by the phase's length). */
export class Timeline {
  private readonly seconds: Record<Outcome, number>[] = [];

  record(atMs: number, outcome: Outcome): void {
    const s = Math.max(0, Math.floor(atMs / 1000));
    while (this.seconds.length <= s) this.seconds.push({ ok: 0, refused: 0, unavailable: 0, internal: 0, other: 0, network: 0 });
    this.seconds[s]![outcome]++;
  }

  /** Totals of each outcome over [fromMs, toMs). */
  between(fromMs: number, toMs: number): Record<Outcome, number> & { total: number; errorRate: number } {
    const sum: Record<Outcome, number> = { ok: 0, refused: 0, unavailable: 0, internal: 0, other: 0, network: 0 };
    for (let s = Math.floor(fromMs / 1000); s < Math.ceil(toMs / 1000) && s < this.seconds.length; s++) {
      for (const o of OUTCOMES) sum[o] += this.seconds[s]![o];
    }
    const total = OUTCOMES.reduce((t, o) => t + sum[o], 0);
    const errors = OUTCOMES.filter(isError).reduce((t, o) => t + sum[o], 0);
    return { ...sum, total, errorRate: total ? errors / total : 0 };
  }

  /**
   * Seconds from `fromMs` to the start of the first whole second from which every later second has an error rate
   * below `rate` (the recovery time the aim speaks of), or null when the run ended before that.
   */
  recoveredAfter(fromMs: number, rate: number): number | null {
    const first = Math.floor(fromMs / 1000);
    let recovered: number | null = null;
    for (let s = first; s < this.seconds.length; s++) {
      const c = this.seconds[s]!;
      const total = OUTCOMES.reduce((t, o) => t + c[o], 0);
      const errors = OUTCOMES.filter(isError).reduce((t, o) => t + c[o], 0);
      if (total > 0 && errors / total >= rate) recovered = null;
      else if (recovered === null) recovered = s;
    }
    return recovered === null ? null : Math.max(0, recovered * 1000 - fromMs) / 1000;
  }

  /** Each second as one compact line (for the log): ok/refused/503/500/other/network. */
  lines(): string[] {
    return this.seconds.map((c, s) => `${String(s).padStart(3)} s  ${OUTCOMES.map((o) => `${o} ${c[o]}`).join('  ')}`);
  }
}
