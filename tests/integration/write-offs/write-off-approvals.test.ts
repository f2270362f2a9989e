// Issue 14's write-off rules, on the server: the threshold is the payer's own when set, else the global one; nobody
// approves their own write-off and specialists approve none; a bulk decision reports each row; the team's managers
// and the requester are notified in the same transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { addNote } from '@/lib/server/denials/add-note';
import { decideWriteOff } from '@/lib/server/denials/decide-write-off';
import { getDenial } from '@/lib/server/denials/get-denial';
import { requestWriteOff, requestWriteOffInput } from '@/lib/server/denials/request-write-off';
import { WRITE_OFF_THRESHOLD_KEY } from '@/lib/server/denials/write-off-threshold';
import { updatePayerRules, updatePayerRulesInput } from '@/lib/server/payers/update-payer-rules';
import { decideWriteOffs } from '@/lib/server/write-offs/decide-write-offs';
import { listPendingWriteOffs } from '@/lib/server/write-offs/list-pending-write-offs';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

let team: string;
let sam: Actor; // specialist
let morgan: Actor; // manager of the team
let mika: Actor; // the team's other manager
let payer: string; // follows the global threshold ($500)
let strictPayer: string; // its own threshold: $100
const today = todayIso();

const ok = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const working = (spec: { deniedCents?: number; payerId?: string; carcCodes?: string[]; category?: string } = {}) =>
  createDenial({ payerId: payer, teamId: team, ownerId: sam.id, status: 'in_progress', deniedCents: 30_000, ...spec });
const notifications = (userId: string, denialId: string) => db.notification.findMany({ where: { userId, denialId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Writeoff');
  morgan = await createPerson('manager', team, 'Morgan Writeoff');
  mika = await createPerson('manager', team, 'Mika Writeoff');
  payer = (await createPayer('commercial')).id;
  strictPayer = (await createPayer('commercial')).id;
  // The value other suites use too (they share the database): $500.
  await db.setting.upsert({ where: { key: WRITE_OFF_THRESHOLD_KEY }, create: { key: WRITE_OFF_THRESHOLD_KEY, value: 50_000 }, update: { value: 50_000 } });
  const { version } = await db.payer.findUniqueOrThrow({ where: { id: strictPayer }, select: { version: true } });
  ok(
    await updatePayerRules(
      morgan,
      updatePayerRulesInput.parse({
        payerId: strictPayer,
        version,
        levels: [{ level: '1', days: 180, trigger: 'notice', receiptPresumptionDays: 0 }],
        timelyFiling: { value: 365, unit: 'days' },
        warningWindowDays: 14,
        rollWeekendDeadlines: false,
        writeOffThreshold: '100.00',
      }),
    ),
  );
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('reason codes', () => {
  it('a request names a code from the list; "other" needs its detail', () => {
    const ref = { id: crypto.randomUUID(), version: 0 };
    expect(requestWriteOffInput.safeParse({ ...ref, reasonCode: 'small_balance' }).success).toBe(true);
    expect(requestWriteOffInput.safeParse({ ...ref, reasonCode: 'bad_debt', reason: 'whatever' }).success).toBe(false);
    const other = requestWriteOffInput.safeParse({ ...ref, reasonCode: 'other', reason: '' });
    expect(other.success).toBe(false);
    expect(other.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Say why this is written off.' });
  });

  it('keeps the code on the write-off and the timeline', async () => {
    const id = await working({ deniedCents: 2_000 });
    ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'small_balance', reason: 'Under a call' }));
    expect(await db.writeOff.findFirstOrThrow({ where: { denialId: id } })).toMatchObject({ reasonCode: 'small_balance', reason: 'Under a call', status: 'approved' });
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId: id, type: 'write_off' } });
    expect(event).toMatchObject({ note: 'Small balance — Under a call', data: expect.objectContaining({ reasonCode: 'small_balance' }) });
  });
});

describe('the approval threshold, per payer or global', () => {
  it('the global threshold applies to a payer without its own', async () => {
    const below = await working({ deniedCents: 50_000 });
    const above = await working({ deniedCents: 50_001 });
    expect(ok(await requestWriteOff(sam, { id: below, version: 0, reasonCode: 'contractual' })).status).toBe('written_off');
    expect(ok(await requestWriteOff(sam, { id: above, version: 0, reasonCode: 'contractual' })).status).toBe('writeoff_pending');
  });

  it("a payer's own threshold overrides the global one, and clearing it restores the global", async () => {
    const id = await working({ payerId: strictPayer, deniedCents: 20_000 });
    expect(ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'contractual' })).status).toBe('writeoff_pending');
    expect(Number((await db.payer.findUniqueOrThrow({ where: { id: strictPayer } })).writeOffThresholdCents)).toBe(10_000);
    const parsed = updatePayerRulesInput.safeParse({
      payerId: strictPayer, version: 1, levels: [{ level: '1', days: 180, trigger: 'notice', receiptPresumptionDays: 0 }],
      timelyFiling: { value: 365, unit: 'days' }, warningWindowDays: 14, rollWeekendDeadlines: false, writeOffThreshold: '1,000,000.01',
    });
    expect(parsed.success).toBe(false);
  });

  it("a manager's own write-off above the threshold waits too (for another manager)", async () => {
    const id = await working({ deniedCents: 90_000 });
    expect(ok(await requestWriteOff(morgan, { id, version: 0, reasonCode: 'timely_filing_missed' })).status).toBe('writeoff_pending');
  });
});

describe('who approves', () => {
  it('a specialist never approves, their own request included: the server refuses', async () => {
    const id = await working({ deniedCents: 90_000 });
    ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'other', reason: 'Not worth appealing' }));
    expect(await decideWriteOff(sam, { id, version: 1, approve: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await decideWriteOffs(sam, { items: [{ id, version: 1 }], approve: true })).toMatchObject({ ok: false, code: 'forbidden' });
    await expect(listPendingWriteOffs(sam, today)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await db.denial.findUniqueOrThrow({ where: { id } })).status).toBe('writeoff_pending');
  });

  it('a manager cannot approve their own request; another manager can', async () => {
    const id = await working({ deniedCents: 90_000 });
    ok(await requestWriteOff(morgan, { id, version: 0, reasonCode: 'duplicate' }));
    expect(await decideWriteOff(morgan, { id, version: 1, approve: true })).toMatchObject({ ok: false, code: 'forbidden', message: 'You asked for this write-off: another manager decides it.' });
    const inbox = await listPendingWriteOffs(morgan, today);
    expect(inbox.rows.find((r) => r.denialId === id)).toMatchObject({ ownRequest: true, reasonLabel: 'Duplicate claim' });
    expect(inbox.soleManager).toBe(false);
    expect((await getDenial(morgan, id, today)).viewer).toMatchObject({ canApproveWriteOff: false, ownWriteOffPending: true });
    expect((await getDenial(mika, id, today)).viewer).toMatchObject({ canApproveWriteOff: true, ownWriteOffPending: false });
    expect(ok(await decideWriteOff(mika, { id, version: 1, approve: true, note: 'Checked the paid claim' })).status).toBe('written_off');
    expect(await db.writeOff.findFirstOrThrow({ where: { denialId: id } })).toMatchObject({ status: 'approved', decidedById: mika.id, decisionNote: 'Checked the paid claim' });
  });

  it('a rejection needs a reason, and the denial goes back to work', async () => {
    const id = await working({ deniedCents: 90_000 });
    ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'authorization_not_obtainable' }));
    expect(await decideWriteOff(morgan, { id, version: 1, approve: false })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(ok(await decideWriteOff(morgan, { id, version: 1, approve: false, note: 'Ask for a retro-auth first' })).status).toBe('in_progress');
    const decided = await db.denialEvent.findMany({ where: { denialId: id, type: 'write_off' }, orderBy: { createdAt: 'asc' } });
    expect(decided.at(-1)).toMatchObject({ note: 'Ask for a retro-auth first', data: expect.objectContaining({ decision: 'rejected', reasonCode: 'authorization_not_obtainable' }) });
  });
});

describe('the inbox', () => {
  it('shows the reason, the requester, the evidence and the contradictions', async () => {
    const id = await working({ deniedCents: 80_000, carcCodes: ['50'], category: 'coding_modifiers' });
    ok(await addNote(sam, { id, version: 0, note: 'Payer says no auth on file' }));
    ok(await requestWriteOff(sam, { id, version: 1, reasonCode: 'authorization_not_obtainable', reason: 'Auth line busy' }));
    const row = (await listPendingWriteOffs(morgan, today)).rows.find((r) => r.denialId === id);
    expect(row).toMatchObject({
      version: 2,
      amountCents: 80_000,
      reasonCode: 'authorization_not_obtainable',
      reasonText: 'Auth line busy',
      requestedBy: 'Sam Writeoff',
      ownRequest: false,
      notes: [expect.objectContaining({ text: 'Payer says no auth on file', by: 'Sam Writeoff' })],
      warnings: [expect.objectContaining({ kind: 'authorization_other_category' })],
    });
    expect(row?.timelyFiling?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('bulk decisions', () => {
  it('approves N, reporting the one that changed meanwhile as a conflict and leaving it pending', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => working({ deniedCents: 60_000 })));
    for (const id of ids) ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'timely_filing_missed' }));
    // Someone adds a note to the third after the manager read the inbox.
    ok(await addNote(sam, { id: ids[2]!, version: 1, note: 'Found proof of timely filing' }));
    const result = ok(await decideWriteOffs(morgan, { items: ids.map((id) => ({ id, version: 1 })), approve: true }));
    expect(result.decided).toBe(4);
    expect(result.decidedCents).toBe(240_000);
    expect(result.results.map((r) => r.ok)).toEqual([true, true, false, true, true]);
    expect(result.results[2]).toMatchObject({ denialId: ids[2], code: 'conflict', message: expect.stringContaining('changed this denial') });
    expect((await db.denial.findUniqueOrThrow({ where: { id: ids[2]! } })).status).toBe('writeoff_pending');
    expect(await versionOf(ids[0]!)).toBe(2);
  });

  it("refuses the manager's own rows one by one and decides the rest", async () => {
    const mine = await working({ deniedCents: 70_000 });
    const theirs = await working({ deniedCents: 70_000 });
    ok(await requestWriteOff(morgan, { id: mine, version: 0, reasonCode: 'contractual' }));
    ok(await requestWriteOff(sam, { id: theirs, version: 0, reasonCode: 'contractual' }));
    const result = ok(await decideWriteOffs(morgan, { items: [{ id: mine, version: 1 }, { id: theirs, version: 1 }], approve: false, note: 'Appeal these' }));
    expect(result.results).toMatchObject([{ ok: false, code: 'forbidden' }, { ok: true }]);
  });
});

describe('notifications', () => {
  it("a waiting request tells the team's managers (not the requester); the decision tells the requester", async () => {
    const id = await working({ deniedCents: 75_000 });
    ok(await requestWriteOff(morgan, { id, version: 0, reasonCode: 'small_balance' }));
    expect(await notifications(morgan.id, id)).toEqual([]);
    expect(await notifications(mika.id, id)).toMatchObject([{ kind: 'approval_requested', href: '/approvals', title: 'Morgan Writeoff asks to write off $750' }]);
    ok(await decideWriteOff(mika, { id, version: 1, approve: false, note: 'Not small' }));
    expect(await notifications(morgan.id, id)).toMatchObject([{ kind: 'approval_decided', title: 'Mika Writeoff rejected your write-off of $750', body: 'Small balance. Not small' }]);
  });

  it('a write-off at or below the threshold notifies nobody', async () => {
    const id = await working({ deniedCents: 1_000 });
    ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'small_balance' }));
    expect(await db.notification.count({ where: { denialId: id } })).toBe(0);
  });
});
