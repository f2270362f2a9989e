// The audit trail's hash chain (docs/decisions/0032-audit-chain.md): the text each event's hash is taken over.
// The database builds the same text in audit_event_hash() (migration 20261207001000_audit_chain_partitions) when
// it inserts the event; audit:verify builds it here, independently, from what it reads back. Change one, change
// both — and the version tag, since every stored hash was taken over the old text.

/** The hash an event's chain starts from (an event with seq 1 links to it). */
export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_HASH_VERSION = 'overturn-audit-v1';

/** A closed UTC day's seal: an audit event (entityId the day) whose details.root is the day's root hash. */
export const SEAL_ACTION = 'audit.seal';
export const SEAL_ENTITY = 'audit_day';

/** One event as the chain sees it: every content column, as text, and the hash it links to. */
export interface ChainedContent {
  id: string;
  /** UTC instant in milliseconds (the column is timestamptz(3)). */
  atMs: number;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  phi: boolean;
  ip: string | null;
  userAgent: string | null;
  /** `details::text` exactly as PostgreSQL renders the jsonb (its text form is canonical). */
  details: string;
  prevHash: string;
}

/**
 * The length of `text` in UTF-8 bytes, counted rather than encoded (audit:verify does this for every field of
 * millions of events). A lone surrogate counts 3, as TextEncoder writes U+FFFD; PostgreSQL text never holds one.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: two units, four bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Length in UTF-8 bytes, ':' and the value, or '~' for none: no value can pass for a separator or another field. */
export function canonicalField(value: string | null): string {
  return value === null ? '~' : `${utf8Length(value)}:${value}`;
}

/** The text hashed for one event: the version tag and its fields, each canonicalField, joined by '|'. */
export function canonicalAuditText(event: ChainedContent): string {
  // One concatenation, no intermediate array: audit:verify builds this for every event of the trail.
  return (
    `${AUDIT_HASH_VERSION}|${canonicalField(event.id)}|${canonicalField(new Date(event.atMs).toISOString())}` +
    `|${canonicalField(event.actorId)}|${canonicalField(event.actorEmail)}|${canonicalField(event.action)}` +
    `|${canonicalField(event.entityType)}|${canonicalField(event.entityId)}|${event.phi ? '4:true' : '5:false'}` +
    `|${canonicalField(event.ip)}|${canonicalField(event.userAgent)}|${canonicalField(event.details)}|${canonicalField(event.prevHash)}`
  );
}

/** The UTC day a chain belongs to: its key starts with it ('2026-12-07:4242@…', '2026-12-07:migrated'). */
export function chainDay(chain: string): string {
  return chain.slice(0, 10);
}

export type BrokenReason = 'content changed' | 'link broken' | 'gap';

/** What is wrong with an event, given the event before it in walk order (or null when it is the first). */
export function linkProblem(
  previous: { chain: string; seq: bigint; hash: string } | null,
  event: { chain: string; seq: bigint; prevHash: string },
): { reason: BrokenReason; detail: string } | null {
  const sameChain = previous !== null && previous.chain === event.chain;
  const expectedSeq = sameChain ? previous.seq + 1n : 1n;
  if (event.seq !== expectedSeq) {
    const missing = event.seq > expectedSeq ? `seq ${expectedSeq}${event.seq - expectedSeq > 1n ? `–${event.seq - 1n}` : ''} missing` : `seq ${event.seq} repeated or out of order`;
    return { reason: 'gap', detail: `${missing} before this event` };
  }
  const expectedPrev = sameChain ? previous.hash : GENESIS_HASH;
  if (event.prevHash !== expectedPrev) {
    return { reason: 'link broken', detail: sameChain ? 'prevHash is not the hash of the event before it' : 'the first event of its chain does not link to the genesis hash' };
  }
  return null;
}
