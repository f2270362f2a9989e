// audit:verify's engine (docs/decisions/0032-audit-chain.md): walks the audit trail chain by chain, recomputes every
// event's hash in Node from what the database returns, and checks that each chain runs 1, 2, 3… with each event
// linking to the hash of the one before it. No 'server-only': scripts and the backup helper's restore test call it.
import { hash } from 'node:crypto';
import type pg from 'pg';
import { type BrokenReason, type ChainedContent, SEAL_ACTION, SEAL_ENTITY, canonicalAuditText, chainDay, linkProblem } from '@/lib/domain/audit-chain';

export interface BrokenLink {
  id: string;
  at: Date;
  chain: string;
  seq: string;
  reason: BrokenReason | 'seal mismatch';
  /** What exactly is wrong, in words. */
  detail: string;
}

/** One UTC day's chains, summed up: `root` changes if any chain of the day changes, grows or loses its tail. */
export interface DayRoot {
  day: string;
  chains: number;
  events: number;
  /** sha256 over the day's chain heads ("chain seq hash" lines, in chain order). Keep it somewhere else. */
  root: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  chains: number;
  firstBroken?: BrokenLink;
  /** How many events are broken in all (each gap, link or content change counts once). */
  broken: number;
  days: DayRoot[];
}

export interface VerifyOptions {
  /** Events read per query (memory stays bounded by this, whatever the trail's size). Default 5,000. */
  batchSize?: number;
  /** Only the chains of this UTC day (YYYY-MM-DD) and later. */
  since?: string;
  /** Only the chains of days before this one (YYYY-MM-DD). */
  until?: string;
  /** Called after each batch with the events checked so far. */
  onProgress?: (events: number) => void;
}

/** An event as read back: its content as the chain sees it (time as epoch milliseconds, in text) and its place. */
type Row = Omit<ChainedContent, 'atMs'> & { at_ms: string; chain: string; seq: string; hash: string };

// Keyset over (chain, seq): each partition's unique (chain, seq) index, merged, so a batch costs the same at the
// millionth event as at the first. `at` comes as epoch milliseconds and is formatted here, not by the database.
const BATCH = `
  SELECT id::text AS id, (floor(extract(epoch FROM at) * 1000))::bigint::text AS at_ms, "actorId"::text AS "actorId",
         "actorEmail", action, "entityType", "entityId", phi, ip, "userAgent", details::text AS details,
         chain, seq::text AS seq, "prevHash", hash
    FROM audit_event e
   WHERE (e.chain, e.seq) > ($1::text, $2::bigint) AND ($4::text IS NULL OR e.chain < $4::text)
   ORDER BY e.chain, e.seq -- qualified: a bare "seq" would sort by the text alias above (1, 10, 100, 2…)
   LIMIT $3`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// The one-shot hash (Node 20.12+): no Hash object per event, which adds up over millions of events.
const sha256 = (text: string) => hash('sha256', text, 'hex');

export async function verifyAuditChain(client: pg.ClientBase, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 5000;
  for (const [name, day] of Object.entries({ since: options.since, until: options.until })) {
    if (day !== undefined && !DAY.test(day)) throw new Error(`${name} must be YYYY-MM-DD, not "${day}"`);
  }
  const encoding = await client.query<{ server_encoding: string }>('SHOW server_encoding');
  if (encoding.rows[0]?.server_encoding !== 'UTF8') throw new Error('audit:verify needs a UTF8 database (the hashes are over UTF-8 text)');

  // The planner estimates one row for a row-value keyset condition, so past the first batch it prefers to append
  // the partitions and sort everything after the cursor (600 ms a batch at 100k events, growing with the trail)
  // over merging their (chain, seq) indexes (30 ms, constant). Sorting is discouraged for the walk, then restored.
  const sortSetting = (await client.query<{ v: string }>(`SELECT current_setting('enable_sort') AS v`)).rows[0]!.v;
  await client.query(`SELECT set_config('enable_sort', 'off', false)`);
  try {
    return await walk(client, options, batchSize);
  } finally {
    await client.query(`SELECT set_config('enable_sort', $1, false)`, [sortSetting]);
  }
}

async function walk(client: pg.ClientBase, options: VerifyOptions, batchSize: number): Promise<VerifyResult> {
  const result: VerifyResult = { ok: true, events: 0, chains: 0, broken: 0, days: [] };
  let previous: { chain: string; seq: bigint; hash: string } | null = null;
  let day: { day: string; chains: number; events: number; heads: string[] } | null = null;
  const closeDay = () => {
    if (!day) return;
    result.days.push({ day: day.day, chains: day.chains, events: day.events, root: sha256(day.heads.join('')) });
  };
  const headOf = (p: { chain: string; seq: bigint; hash: string }) => `${p.chain} ${p.seq} ${p.hash}\n`;

  let after: [string, string] = [options.since ?? '', '0'];
  for (;;) {
    const { rows } = await client.query<Row>(BATCH, [after[0], after[1], batchSize, options.until ?? null]);
    for (const row of rows) {
      const seq = BigInt(row.seq);
      const newChain = previous === null || previous.chain !== row.chain;
      if (newChain) {
        if (previous) day!.heads.push(headOf(previous));
        result.chains += 1;
        if (day?.day !== chainDay(row.chain)) {
          closeDay();
          day = { day: chainDay(row.chain), chains: 0, events: 0, heads: [] };
        }
        day!.chains += 1;
      }
      day!.events += 1;
      result.events += 1;

      const atMs = Number(row.at_ms);
      const link = linkProblem(previous, { chain: row.chain, seq, prevHash: row.prevHash });
      (row as Row & { atMs: number }).atMs = atMs; // the row as ChainedContent, without a copy per event
      const recomputed = sha256(canonicalAuditText(row as Row & { atMs: number }));
      const problem = link ?? (recomputed === row.hash ? null : { reason: 'content changed' as const, detail: 'the stored hash is not the hash of the event as it reads now' });
      if (problem) {
        result.ok = false;
        result.broken += 1;
        result.firstBroken ??= { id: row.id, at: new Date(atMs), chain: row.chain, seq: row.seq, ...problem };
      }
      previous = { chain: row.chain, seq, hash: row.hash };
    }
    options.onProgress?.(result.events);
    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1]!;
    after = [last.chain, last.seq];
  }
  if (previous) day!.heads.push(headOf(previous));
  closeDay();
  await checkSeals(client, result, options);
  return result;
}

/**
 * Each sealed day (lib/server/audit/seal-day.ts) must still have the root its seal recorded: a day that lost the
 * last events of a chain (or a whole chain) still links and counts up, but its root changes.
 */
async function checkSeals(client: pg.ClientBase, result: VerifyResult, options: VerifyOptions): Promise<void> {
  const { rows } = await client.query<{ id: string; at_ms: string; chain: string; seq: string; day: string; root: string | null }>(
    `SELECT id::text AS id, (floor(extract(epoch FROM at) * 1000))::bigint::text AS at_ms, chain, seq::text AS seq,
            "entityId" AS day, details->>'root' AS root
       FROM audit_event WHERE "entityType" = $1 AND action = $2 AND "entityId" >= $3 AND ($4::text IS NULL OR "entityId" < $4::text)
      ORDER BY "entityId", id`,
    [SEAL_ENTITY, SEAL_ACTION, options.since ?? '', options.until ?? null],
  );
  const roots = new Map(result.days.map((d) => [d.day, d.root]));
  for (const seal of rows) {
    const now = roots.get(seal.day);
    if (now === seal.root) continue;
    result.ok = false;
    result.broken += 1;
    result.firstBroken ??= {
      id: seal.id, at: new Date(Number(seal.at_ms)), chain: seal.chain, seq: seal.seq, reason: 'seal mismatch',
      detail: `day ${seal.day} was sealed with root ${seal.root}; it now ${now ? `has root ${now}` : 'has no events'}`,
    };
  }
}
