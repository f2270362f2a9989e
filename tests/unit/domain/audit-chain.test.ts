import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ChainedContent, GENESIS_HASH, canonicalAuditText, canonicalField, chainDay, linkProblem, utf8Length } from '@/lib/domain/audit-chain';

const event: ChainedContent = {
  id: '42',
  atMs: Date.UTC(2026, 11, 7, 8, 15, 0, 123),
  actorId: '0191c3b0-0000-7000-8000-00000000abcd',
  actorEmail: 'zoë@overturn.test',
  action: 'denial.read',
  entityType: 'denial',
  entityId: null,
  phi: true,
  ip: '10.0.0.7',
  userAgent: null,
  details: '{"a": 1}',
  prevHash: GENESIS_HASH,
};

describe('the canonical text of an audit event', () => {
  it('prefixes each field with its length in UTF-8 bytes and marks a missing one with ~', () => {
    expect(canonicalField(null)).toBe('~');
    expect(canonicalField('')).toBe('0:');
    expect(canonicalField('zoë')).toBe('4:zoë'); // ë is two bytes
    expect(canonicalField('🩺')).toBe('4:🩺'); // four bytes, two UTF-16 units
  });

  it('lists the version, every content field, the time in UTC ISO form and the previous hash, in a fixed order', () => {
    expect(canonicalAuditText(event)).toBe(
      'overturn-audit-v1|2:42|24:2026-12-07T08:15:00.123Z|36:0191c3b0-0000-7000-8000-00000000abcd|18:zoë@overturn.test' +
        `|11:denial.read|6:denial|~|4:true|8:10.0.0.7|~|8:{"a": 1}|64:${GENESIS_HASH}`,
    );
    // Pinned: what PostgreSQL's audit_event_hash() (the chain migration) returned for this event. A change to the
    // canonical form must change both sides, and the version tag.
    expect(createHash('sha256').update(canonicalAuditText(event)).digest('hex')).toBe('96eaee66342827c11158ee4bfb329de68fa727bd3adb2fd25dad5b0738873e1f');
  });

  it('cannot be imitated by moving text between fields, or by a value that looks like a separator', () => {
    const moved = canonicalAuditText({ ...event, action: 'denial', entityType: '.readdenial' });
    expect(moved).not.toBe(canonicalAuditText(event));
    const forged = canonicalAuditText({ ...event, actorEmail: null, entityId: '~' });
    expect(forged).not.toBe(canonicalAuditText({ ...event, actorEmail: '~', entityId: null }));
    expect(canonicalAuditText({ ...event, entityId: '' })).not.toBe(canonicalAuditText(event)); // empty is not missing
  });

  it('changes with every field', () => {
    const base = canonicalAuditText(event);
    const changes: Partial<ChainedContent>[] = [
      { id: '43' }, { atMs: event.atMs + 1 }, { actorId: null }, { actorEmail: 'x@overturn.test' }, { action: 'denial.list' },
      { entityType: 'claim' }, { entityId: 'd1' }, { phi: false }, { ip: null }, { userAgent: 'curl' }, { details: '{"a": 2}' },
      { prevHash: 'f'.repeat(64) },
    ];
    for (const change of changes) expect(canonicalAuditText({ ...event, ...change })).not.toBe(base);
  });
});

describe('utf8Length', () => {
  it('counts the bytes TextEncoder writes', () => {
    for (const text of ['', 'plain ascii', 'zoë', '€uro', '🩺 and 𝄞', 'mixed ü € 🩺 a', 'lone \ud800 surrogate', 'end \udc00']) {
      expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('the links of a chain', () => {
  const first = { chain: '2026-12-07:1@x:9', seq: 1n, prevHash: GENESIS_HASH, hash: 'a'.repeat(64) };

  it('accept a chain starting at 1 from the genesis hash, each next event linking to the one before', () => {
    expect(linkProblem(null, first)).toBeNull();
    expect(linkProblem(first, { chain: first.chain, seq: 2n, prevHash: first.hash })).toBeNull();
    expect(linkProblem(first, { chain: '2026-12-07:2@y:10', seq: 1n, prevHash: GENESIS_HASH })).toBeNull();
  });

  it('name a gap, a repeat, a broken link and a chain that does not start at the genesis hash', () => {
    expect(linkProblem(first, { chain: first.chain, seq: 5n, prevHash: first.hash })).toEqual({ reason: 'gap', detail: 'seq 2–4 missing before this event' });
    expect(linkProblem(first, { chain: first.chain, seq: 3n, prevHash: first.hash })).toEqual({ reason: 'gap', detail: 'seq 2 missing before this event' });
    expect(linkProblem(first, { chain: first.chain, seq: 1n, prevHash: first.hash })?.reason).toBe('gap');
    expect(linkProblem(null, { ...first, seq: 2n })).toEqual({ reason: 'gap', detail: 'seq 1 missing before this event' });
    expect(linkProblem(first, { chain: first.chain, seq: 2n, prevHash: 'b'.repeat(64) })?.reason).toBe('link broken');
    expect(linkProblem(null, { ...first, prevHash: 'b'.repeat(64) })?.reason).toBe('link broken');
  });

  it("read a chain's UTC day from its key", () => {
    expect(chainDay('2026-12-07:4242@20261207T081500.123456:991')).toBe('2026-12-07');
    expect(chainDay('2026-11-30:migrated')).toBe('2026-11-30');
  });
});
