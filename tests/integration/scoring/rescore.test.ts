import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import { CATEGORY_PRIORS, PRIOR_PSEUDO_COUNT } from '@/lib/domain/priority-priors';
import { db, pool } from '@/lib/server/db';
import { listPayerRules } from '@/lib/server/payers/list-payer-rules';
import { updatePayerRules } from '@/lib/server/payers/update-payer-rules';
import { rescoreOpenDenials } from '@/lib/server/scoring/rescore-open-denials';
import { createDenial, createDenials, createPayer, createPerson } from '../../support/denial-factory';

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const denial = (id: string) => db.denial.findUniqueOrThrow({ where: { id } });

describe('daily rescoring', () => {
  it('sets each open denial’s working deadline from its payer’s rules and raises urgency as it nears', async () => {
    const payer = (await createPayer('commercial')).id;
    const id = await createDenial({ payerId: payer, noticeDate: '2025-01-10', deniedCents: 100_000, category: 'coding_modifiers', score: 0 });
    // Commercial default: 180 days from the notice.
    await rescoreOpenDenials('2025-03-01', { payerId: payer });
    const far = await denial(id);
    expect(far).toMatchObject({ deadlineKind: 'appeal_1', scoreUrgency: 1, scoreLikelihood: CATEGORY_PRIORS.coding_modifiers.recovery });
    expect(far.deadlineDate?.toISOString().slice(0, 10)).toBe('2025-07-09');
    expect(far.score).toBeCloseTo(100_000 * 0.7, 6);
    expect(far.scoreExplanation).toContain('due in 130 days');

    await rescoreOpenDenials('2025-07-01', { payerId: payer });
    const near = await denial(id);
    expect(near.scoreUrgency).toBeGreaterThan(1);
    expect(near.score).toBeGreaterThan(far.score);
    expect(near.version).toBe(far.version); // scoring is not an edit
  });

  it('keeps an appeal that is with the payer below actionable work until its follow-up date, then raises it', async () => {
    const payer = (await createPayer('commercial')).id;
    const spec = { payerId: payer, noticeDate: '2025-01-10', deniedCents: 100_000, category: 'coding_modifiers' };
    const [actionable, appealed] = await createDenials([
      { ...spec, status: 'in_progress' },
      { ...spec, status: 'appealed', followUpDate: '2025-03-15' },
    ]);
    await rescoreOpenDenials('2025-03-01', { payerId: payer });
    const waiting = await denial(appealed!);
    expect(waiting).toMatchObject({ scoreUrgency: 0.25, deadlineDate: null });
    expect(waiting.scoreExplanation).toContain('the appeal is with the payer, follow-up in 14 days');
    expect(waiting.score).toBeLessThan((await denial(actionable!)).score);

    await rescoreOpenDenials('2025-03-15', { payerId: payer });
    const due = await denial(appealed!);
    expect(due.scoreUrgency).toBe(1);
    expect(due.scoreExplanation).toContain('follow-up due');
  });

  it('leaves closed denials alone', async () => {
    const payer = (await createPayer()).id;
    const id = await createDenial({ payerId: payer, status: 'written_off', score: 42 });
    await rescoreOpenDenials('2025-03-01', { payerId: payer });
    expect((await denial(id)).score).toBe(42);
  });

  it('learns the likelihood from this organisation’s own outcomes per payer and category', async () => {
    const payer = (await createPayer()).id;
    const other = (await createPayer()).id;
    // 8 of 10 medical-necessity denials from this payer were recovered.
    await createDenials([
      ...Array.from({ length: 8 }, () => ({ payerId: payer, status: 'resolved_paid' as const, category: 'medical_necessity' })),
      ...Array.from({ length: 2 }, () => ({ payerId: payer, status: 'written_off' as const, category: 'medical_necessity' })),
    ]);
    const [mine, elsewhere] = await createDenials([
      { payerId: payer, category: 'medical_necessity', noticeDate: '2025-01-10' },
      { payerId: other, category: 'medical_necessity', noticeDate: '2025-01-10' },
    ]);
    await rescoreOpenDenials('2025-03-01');
    const prior = CATEGORY_PRIORS.medical_necessity.recovery;
    expect((await denial(mine!)).scoreLikelihood).toBeCloseTo((8 + PRIOR_PSEUDO_COUNT * prior) / (10 + PRIOR_PSEUDO_COUNT), 12);
    expect((await denial(elsewhere!)).scoreLikelihood).toBeCloseTo(prior, 12);
  });
});

describe('payer rules', () => {
  it('a manager’s edit applies to the payer’s open denials; a stale edit is refused', async () => {
    const manager = await createPerson('manager');
    const payerRow = await createPayer('medicare');
    const id = await createDenial({ payerId: payerRow.id, noticeDate: '2025-01-10', serviceDate: '2024-12-01' });
    await rescoreOpenDenials('2025-02-01', { payerId: payerRow.id });
    expect((await denial(id)).deadlineDate?.toISOString().slice(0, 10)).toBe('2025-05-15'); // 120 days from receipt (notice + 5)

    const listed = (await listPayerRules(manager)).payers.find((p) => p.id === payerRow.id)!;
    expect(listed).toMatchObject({ levelsAreDefault: true, timelyFiling: { value: 12, unit: 'months', isDefault: true } });
    const edit = {
      payerId: payerRow.id,
      version: listed.version,
      levels: [{ level: '1' as const, days: 60, trigger: 'notice' as const, receiptPresumptionDays: 0 }],
      timelyFiling: { value: 12, unit: 'months' as const },
      warningWindowDays: 21,
      rollWeekendDeadlines: true,
    };
    const saved = await updatePayerRules(manager, edit);
    expect(saved).toMatchObject({ ok: true, data: { version: listed.version + 1, rescore: 'done' } });
    // 2025-01-10 + 60 = Tuesday 2025-03-11 (no weekend roll needed).
    expect((await denial(id)).deadlineDate?.toISOString().slice(0, 10)).toBe('2025-03-11');
    expect(await updatePayerRules(manager, edit)).toMatchObject({ ok: false, code: 'conflict' });

    const specialist = await createPerson('specialist');
    expect(await updatePayerRules(specialist, { ...edit, version: listed.version + 1 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.auditEvent.count({ where: { action: 'payer.rules_update', entityId: payerRow.id } })).toBe(1);
  });

  it('rolls a weekend deadline to Monday only when the payer’s rule says so', async () => {
    const manager = await createPerson('manager');
    const payerRow = await createPayer('commercial');
    const id = await createDenial({ payerId: payerRow.id, noticeDate: '2025-01-06' });
    const base = { payerId: payerRow.id, levels: [{ level: '1' as const, days: 90, trigger: 'notice' as const, receiptPresumptionDays: 0 }], timelyFiling: { value: 90, unit: 'days' as const }, warningWindowDays: 14 };
    await updatePayerRules(manager, { ...base, version: 0, rollWeekendDeadlines: false });
    const due = (await denial(id)).deadlineDate!.toISOString().slice(0, 10);
    expect(due).toBe(addDays('2025-01-06', 90)); // Sunday 2025-04-06, not moved
    await updatePayerRules(manager, { ...base, version: 1, rollWeekendDeadlines: true });
    expect((await denial(id)).deadlineDate?.toISOString().slice(0, 10)).toBe('2025-04-07');
  });
});
