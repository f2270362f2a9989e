import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { decideAppeal } from '@/lib/server/appeals/decide-appeal';
import { startAppeal } from '@/lib/server/appeals/start-appeal';
import { submitAppeal } from '@/lib/server/appeals/submit-appeal';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { getDenial } from '@/lib/server/denials/get-denial';
import { markResubmitted } from '@/lib/server/denials/mark-resubmitted';
import { listPayerRules } from '@/lib/server/payers/list-payer-rules';
import { updatePayerRules, updatePayerRulesInput } from '@/lib/server/payers/update-payer-rules';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

// A payer's appeal levels as data a manager edits: each level's own name, its amount-in-controversy threshold
// (with the year of the figure), and the days after filing when a status check is due — and the appeal chain
// follows what was saved.

let team: string;
let sam: Actor;
let mia: Actor;
const today = todayIso();

const ok = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Levels');
  mia = await createPerson('manager', team, 'Mia Levels');
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

type RulesForm = z.input<typeof updatePayerRulesInput>;

/** The rules as a browser sends them (amounts as typed); the transports parse them with the same schema. */
const rules = (payerId: string, version: number, changes: Partial<RulesForm> = {}): RulesForm => ({
  payerId,
  version,
  levels: [
    { level: '1', days: 90, trigger: 'notice', receiptPresumptionDays: 0, name: 'Provider dispute', minimumAmount: '', minimumAmountYear: null },
    { level: '2', days: 60, trigger: 'prior_decision', receiptPresumptionDays: 0, name: 'Second-level review', minimumAmount: '1,000', minimumAmountYear: 2026 },
  ],
  timelyFiling: { value: 90, unit: 'days' },
  warningWindowDays: 14,
  rollWeekendDeadlines: false,
  statusCheckDays: 21,
  resubmissionFollowUpDays: 45,
  ...changes,
});

describe('a payer’s own level names, thresholds and status check', () => {
  it('are saved, listed, and used by the appeal chain', async () => {
    const payer = await createPayer('commercial');
    ok(await updatePayerRules(mia, updatePayerRulesInput.parse(rules(payer.id, payer.version))));
    const listed = (await listPayerRules(mia)).payers.find((p) => p.id === payer.id)!;
    expect(listed.statusCheckDays).toEqual({ value: 21, isDefault: false });
    expect(listed.resubmissionFollowUpDays).toEqual({ value: 45, isDefault: false });
    expect(listed.levels).toEqual([
      expect.objectContaining({ level: '1', name: 'Provider dispute', minimumAmount: '', minimumAmountYear: null }),
      expect.objectContaining({ level: '2', name: 'Second-level review', minimumAmount: '1000', minimumAmountYear: 2026 }),
    ]);

    const id = await createDenial({ payerId: payer.id, teamId: team, ownerId: sam.id, status: 'in_progress', deniedCents: 50_000, noticeDate: addDays(today, -10) });
    const before = await getDenial(sam, id, today);
    expect(before.appealOptions.startable).toMatchObject({ level: '1', name: 'Provider dispute', dueDate: addDays(today, 80) });
    ok(await startAppeal(sam, { id, version: await versionOf(id), level: '1' }));
    const appeal = await db.appeal.findFirstOrThrow({ where: { denialId: id } });
    const sent = ok(await submitAppeal(sam, { id, version: await versionOf(id), appealId: appeal.id, on: today, method: 'portal' }));
    expect(sent.followUpDate).toBe(addDays(today, 21));
    ok(await decideAppeal(sam, { id, version: await versionOf(id), appealId: appeal.id, decision: 'upheld', on: today }));

    // $500 in controversy is under the $1,000 the second level needs: no next level, and the reason says so.
    const after = await getDenial(sam, id, today);
    expect(after.appeals[0]).toMatchObject({ name: 'Provider dispute', decision: 'upheld' });
    const decided = after.timeline.find((e) => e.type === 'appeal' && (e.data as { action?: string }).action === 'decided');
    expect((decided?.data as { noNextLevelReason?: string }).noNextLevelReason).toBe('The next level needs at least $1,000 in controversy (2026); $500 remains.');
  });

  it('follow a corrected claim up after the payer’s own days, and fall back to the defaults when cleared', async () => {
    const payer = await createPayer('commercial');
    ok(await updatePayerRules(mia, updatePayerRulesInput.parse(rules(payer.id, payer.version))));
    const id = await createDenial({ payerId: payer.id, teamId: team, ownerId: sam.id, status: 'in_progress', noticeDate: addDays(today, -10) });
    const sent = ok(await markResubmitted(sam, { id, version: await versionOf(id), frequencyCode: '7', sentOn: today, payerClaimNumber: 'ICN-1' }));
    expect(sent.followUpDate).toBe(addDays(today, 45));

    const saved = await db.payer.findUniqueOrThrow({ where: { id: payer.id }, select: { version: true } });
    ok(await updatePayerRules(mia, updatePayerRulesInput.parse(rules(payer.id, saved.version, { statusCheckDays: null, resubmissionFollowUpDays: null }))));
    const listed = (await listPayerRules(mia)).payers.find((p) => p.id === payer.id)!;
    expect(listed.statusCheckDays).toEqual({ value: 30, isDefault: true });
    expect(listed.resubmissionFollowUpDays).toEqual({ value: 30, isDefault: true });
  });

  it('refuses a threshold without its year, a name with a control character, and a status check of 0 days', async () => {
    // The transports parse with this schema before the operation runs (a 422 naming the field).
    const payer = await createPayer('commercial');
    const base = rules(payer.id, payer.version);
    const issues = (input: RulesForm) => updatePayerRulesInput.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues(base)).toEqual([]);
    expect(issues({ ...base, levels: [base.levels[0]!, { ...base.levels[1]!, minimumAmountYear: null }] })).toEqual(['levels.1.minimumAmountYear: Give the year the amount in controversy applies to']);
    expect(issues({ ...base, levels: [{ ...base.levels[0]!, name: 'Bad\u0007name' }] })).toEqual([expect.stringMatching(/^levels\.0\.name: .*control character/i)]);
    expect(issues({ ...base, statusCheckDays: 0 })).toEqual(['statusCheckDays: At least 1 day']);
    expect(issues({ ...base, levels: [{ ...base.levels[0]!, minimumAmount: '-5' }] })).toEqual(['levels.0.minimumAmount: Enter an amount of zero or more.']);
  });
});
