import { describe, expect, it } from 'vitest';
import { ruleDraftInput } from '@/lib/domain/contracts/assignment-rules';
import { moveRule, toggleRule } from '@/lib/server/assignment/arrange-rules';
import { listAssignmentRules } from '@/lib/server/assignment/list-rules';
import { previewRule } from '@/lib/server/assignment/preview-rule';
import { saveRule } from '@/lib/server/assignment/save-rule';
import { db } from '@/lib/server/db';
import { createDenials, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { withIngestDatabase } from '../ingest/helpers';
import { withoutOtherRules, createRule } from './helpers';

withIngestDatabase();
withoutOtherRules();

const draft = (input: Record<string, unknown>) => ruleDraftInput.parse(input);

describe('editing rules', () => {
  it('creates rules in order, audits them, and refuses a stale edit', async () => {
    const team = await createTeam();
    const boss = await createPerson('manager', team.id);
    const payer = await createPayer();
    const first = await saveRule(boss, draft({ name: 'First', payerIds: [payer.id], teamId: team.id, strategy: 'round_robin', amountRange: '$500 - 5,000', carcCodes: 'co-29 197' }));
    const second = await saveRule(boss, draft({ name: 'Second', teamId: team.id, strategy: 'team_only' }));
    if (!first.ok || !second.ok) throw new Error('not saved');
    const stored = await db.assignmentRule.findUniqueOrThrow({ where: { id: first.data.id } });
    expect(stored).toMatchObject({ carcCodes: ['29', '197'], minCents: 50_000n, maxCents: 500_000n, version: 0 });
    expect((await listAssignmentRules(boss)).rules.map((r) => r.name)).toEqual(['First', 'Second']);

    const edit = { id: first.data.id, version: 0, name: 'First, renamed', teamId: team.id, strategy: 'team_only' };
    expect(await saveRule(boss, draft(edit))).toMatchObject({ ok: true, data: { version: 1 } });
    // A second manager saving from the same old version is refused, not silently applied.
    expect(await saveRule(boss, draft({ ...edit, name: 'Overwrite' }))).toMatchObject({ ok: false, code: 'conflict' });
    expect((await db.assignmentRule.findUniqueOrThrow({ where: { id: first.data.id } })).name).toBe('First, renamed');
    const audits = await db.auditEvent.findMany({ where: { entityId: first.data.id }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['assignment_rule.create', 'assignment_rule.update']);
    expect(audits[1]!.details).toMatchObject({ before: { name: 'First', carcCodes: ['29', '197'] }, after: { name: 'First, renamed', carcCodes: [] } });
  });

  it('checks codes against the code tables, the person against the team, and refuses a specialist', async () => {
    const team = await createTeam();
    const elsewhere = await createTeam();
    const boss = await createPerson('manager', team.id);
    const stranger = await createPerson('specialist', elsewhere.id);
    const result = await saveRule(boss, draft({ name: 'Bad', carcCodes: '29, 999', rarcCodes: 'ZZ999', teamId: team.id, strategy: 'named_person', userId: stranger.id }));
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { carcCodes: ['Not in the CARC list: 999'], rarcCodes: ['Not in the RARC list: ZZ999'], userId: [expect.any(String)] } });
    expect(ruleDraftInput.safeParse({ name: 'x', teamId: team.id, strategy: 'team_only', amountRange: '5,000-500' }).success).toBe(false);
    expect(ruleDraftInput.safeParse({ name: 'x', teamId: team.id, strategy: 'team_only', providerNpis: '1234567890' }).success).toBe(false);
    const specialist = await createPerson('specialist', team.id);
    expect(await saveRule(specialist, draft({ name: 'Mine', teamId: team.id, strategy: 'team_only' }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.assignmentRule.count()).toBe(0);
  });

  it('keeps one default rule, always last, that cannot be moved or turned off', async () => {
    const team = await createTeam();
    const boss = await createPerson('manager', team.id);
    const made = await saveRule(boss, draft({ name: 'Everything else', isDefault: true, teamId: team.id, strategy: 'team_only', payerIds: [(await createPayer()).id] }));
    if (!made.ok) throw new Error(made.message);
    await saveRule(boss, draft({ name: 'Later rule', teamId: team.id, strategy: 'team_only' }));
    expect((await listAssignmentRules(boss)).rules.map((r) => [r.name, r.isDefault, r.summary])).toEqual([
      ['Later rule', false, 'Every denial'],
      ['Everything else', true, 'Every denial'],
    ]);
    expect(await saveRule(boss, draft({ name: 'Second default', isDefault: true, teamId: team.id, strategy: 'team_only' }))).toMatchObject({ ok: false, code: 'conflict' });
    expect(await toggleRule(boss, { id: made.data.id, version: 0, enabled: false })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await moveRule(boss, { id: made.data.id, version: 0, direction: 'up' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('rule order and the preview', () => {
  it('counts what a rule would match today and what it gets after the rules above it, and follows a move', async () => {
    const team = await createTeam();
    const boss = await createPerson('manager', team.id, undefined, { orgWide: true });
    const payer = await createPayer();
    await createDenials([
      { payerId: payer.id, category: 'timely_filing', deniedCents: 10_000 },
      { payerId: payer.id, category: 'timely_filing', deniedCents: 20_000 },
      { payerId: payer.id, category: 'duplicate', deniedCents: 40_000 },
      { payerId: payer.id, category: 'duplicate', deniedCents: 80_000, status: 'resolved_paid' },
    ]);
    const timely = await createRule({ name: 'Timely', teamId: team.id, payerIds: [payer.id], categories: ['timely_filing'] });
    const all = await createRule({ name: 'Whole payer', teamId: team.id, payerIds: [payer.id] });

    const asInput = (rule: typeof all) => ({ id: rule.id, version: rule.version, name: rule.name, payerIds: rule.payerIds, categories: rule.categories, teamId: team.id, strategy: 'team_only' });
    const asDraft = (rule: typeof all) => draft(asInput(rule));
    const wholePayer = await previewRule(boss, asDraft(all));
    expect(wholePayer).toMatchObject({ ok: true, data: { matching: { count: 3, cents: 70_000 }, routed: { count: 1, cents: 40_000 } } });
    if (wholePayer.ok) expect(wholePayer.data.examples.map((e) => e.deniedCents)).toEqual([40_000]);

    // An unsaved edit is previewed as typed, in its place.
    expect(await previewRule(boss, draft({ ...asInput(all), amountRange: 'over 300' }))).toMatchObject({ ok: true, data: { matching: { count: 1 }, routed: { count: 1 } } });

    const moved = await moveRule(boss, { id: all.id, version: all.version, direction: 'up' });
    expect(moved).toMatchObject({ ok: true, data: { moved: true } });
    const after = await previewRule(boss, asDraft({ ...all, version: all.version + 1 }));
    expect(after).toMatchObject({ ok: true, data: { routed: { count: 3, cents: 70_000 } } });
    expect(await previewRule(boss, asDraft({ ...timely, version: timely.version + 1 }))).toMatchObject({ ok: true, data: { matching: { count: 2 }, routed: { count: 0 } } });
    // The move bumped both versions: an edit based on the old order is stale.
    expect(await toggleRule(boss, { id: timely.id, version: timely.version, enabled: false })).toMatchObject({ ok: false, code: 'conflict' });
  });
});
