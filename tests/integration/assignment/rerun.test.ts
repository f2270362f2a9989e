import { describe, expect, it } from 'vitest';
import { previewRerun, rerunUnassigned } from '@/lib/server/assignment/rerun-unassigned';
import { db } from '@/lib/server/db';
import { createDenials, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { withIngestDatabase } from '../ingest/helpers';
import { withoutOtherRules, createRule, ownersOf, spread } from './helpers';

withIngestDatabase();
withoutOtherRules();

/** A seeded sequence, so the amounts vary but every run is the same. */
function amounts(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => 100 + ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) % 2_000_000));
}

async function setup(size: number, cents: (i: number) => number = () => 10_000) {
  const team = await createTeam();
  const people = [await createPerson('specialist', team.id), await createPerson('specialist', team.id), await createPerson('specialist', team.id)];
  const boss = await createPerson('manager', team.id, undefined, { orgWide: true });
  const payer = await createPayer();
  const ids = await createDenials(Array.from({ length: size }, (_, i) => ({ payerId: payer.id, deniedCents: cents(i) })));
  return { team, people, boss, payer, ids };
}

async function runAll(boss: Parameters<typeof previewRerun>[0]) {
  const plan = await previewRerun(boss, 'no_team');
  if (!plan.ok) throw new Error(plan.message);
  const result = await rerunUnassigned(boss, { scope: 'no_team', expectedCount: plan.data.count });
  if (!result.ok) throw new Error(result.message);
  return { plan: plan.data, result: result.data };
}

describe('re-running the rules on the unassigned queue', () => {
  it('round-robin over 1,000 denials: per-person counts differ by at most one; versions, timeline, one notification each, audit', async () => {
    const { team, people, boss, payer, ids } = await setup(1000);
    const rule = await createRule({ name: 'In turn', teamId: team.id, strategy: 'round_robin', payerIds: [payer.id] });
    const { plan, result } = await runAll(boss);
    expect(plan).toMatchObject({ count: 1000, cents: 10_000_000, byRule: [{ ruleName: 'In turn', count: 1000, owners: 3 }] });
    // Other files' unassigned denials in the shared database match no rule here and stay where they are.
    expect(result).toMatchObject({ assigned: 1000, withOwner: 1000 });

    const owners = await ownersOf(ids);
    expect([...owners.keys()].sort()).toEqual(people.map((p) => p.id).sort());
    expect(spread(owners.values())).toBeLessThanOrEqual(1);
    const rows = await db.denial.findMany({ where: { id: { in: ids } }, select: { version: true, status: true, teamId: true } });
    expect(rows.every((r) => r.version === 1 && r.status === 'assigned' && r.teamId === team.id)).toBe(true);
    expect(await db.denialEvent.count({ where: { denialId: { in: ids }, type: 'assigned', actorId: boss.id, data: { path: ['rule', 'id'], equals: rule.id } } })).toBe(1000);
    expect(await db.notification.count({ where: { userId: { in: people.map((p) => p.id) } } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: 'assignment_rule.rerun', actorId: boss.id } })).toBe(1);

    // Nothing left to route; the cursor continues where it stopped next time.
    expect((await previewRerun(boss, 'no_team')).ok && (await previewRerun(boss, 'no_team'))).toMatchObject({ data: { count: 0 } });
    expect((await db.assignmentRule.findUniqueOrThrow({ where: { id: rule.id } })).cursorUserId).not.toBeNull();
  });

  it('least loaded by count: the final open counts (existing work included) differ by at most one', async () => {
    const { team, people, boss, payer, ids } = await setup(1000);
    // One specialist already holds 40 open denials of another payer.
    const other = await createPayer();
    await createDenials(Array.from({ length: 40 }, () => ({ payerId: other.id, ownerId: people[0]!.id, teamId: team.id, status: 'assigned' as const })));
    await createRule({ teamId: team.id, strategy: 'least_open_count', payerIds: [payer.id] });
    await runAll(boss);
    const totals = await Promise.all(people.map((p) => db.denial.count({ where: { ownerId: p.id, status: { notIn: ['resolved_paid', 'resolved_partial', 'written_off'] } } })));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(1040);
    expect(spread(totals)).toBeLessThanOrEqual(1);
    expect([...(await ownersOf(ids)).values()].reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('least loaded by dollars: from equal loads, the open dollars differ by at most the largest single denial', async () => {
    const list = amounts(1000, 99);
    const { team, people, boss, payer } = await setup(1000, (i) => list[i]!);
    await createRule({ teamId: team.id, strategy: 'least_open_dollars', payerIds: [payer.id] });
    await runAll(boss);
    const held = await Promise.all(
      people.map(async (p) => Number((await db.denial.aggregate({ where: { ownerId: p.id }, _sum: { deniedCents: true } }))._sum.deniedCents ?? 0n)),
    );
    expect(held.reduce((a, b) => a + b, 0)).toBe(list.reduce((a, b) => a + b, 0));
    expect(spread(held)).toBeLessThanOrEqual(Math.max(...list));
  });

  it('refuses when the confirmed count is no longer right, and leaves owned, closed and unmatched denials alone', async () => {
    const { team, people, boss, payer, ids } = await setup(3);
    const [owned, closed] = await createDenials([
      { payerId: payer.id, ownerId: people[0]!.id, teamId: team.id, status: 'in_progress' },
      { payerId: payer.id, status: 'written_off' },
    ]);
    await createRule({ teamId: team.id, strategy: 'team_only', payerIds: [payer.id] });
    expect(await rerunUnassigned(boss, { scope: 'no_team', expectedCount: 2 })).toMatchObject({ ok: false, code: 'conflict' });
    expect((await ownersOf(ids)).get(null)).toBe(3);
    expect(await db.denial.count({ where: { id: { in: ids }, teamId: null } })).toBe(3);

    const { result } = await runAll(boss);
    expect(result).toMatchObject({ assigned: 3, withOwner: 0 });
    const rows = await db.denial.findMany({ where: { id: { in: [...ids, owned!, closed!] } }, select: { id: true, teamId: true, status: true, version: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id))).toEqual(ids.map((id) => ({ id, teamId: team.id, status: 'new', version: 1 })));
    expect(byId.get(owned!)).toMatchObject({ version: 0, status: 'in_progress' });
    expect(byId.get(closed!)).toMatchObject({ version: 0, teamId: null });
  });

  it('is refused to a specialist', async () => {
    const specialist = await createPerson('specialist', (await createTeam()).id);
    expect(await rerunUnassigned(specialist, { scope: 'no_team', expectedCount: 0 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await previewRerun(specialist, 'no_owner')).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
