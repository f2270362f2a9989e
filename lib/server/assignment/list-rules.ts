import 'server-only';
import type { AssignmentRulesPage, RuleDto } from '@/lib/domain/contracts/assignment-rules';
import { amountRangeText } from '@/lib/domain/assignment/amount-range';
import { describeConditions } from '@/lib/domain/assignment/describe-rule';
import { ruleOrder } from '@/lib/domain/assignment/rules';
import { type Actor, can } from '@/lib/domain/permissions';
import { db, pool } from '../db';
import { AppError } from '../errors';
import { loadRules } from './load-routing';
import { RULES_FORBIDDEN } from './save-rule';

/** The rules in the order they are tried (disabled ones in their place, the default last), with what the editor offers. */
export async function listAssignmentRules(actor: Actor): Promise<AssignmentRulesPage> {
  if (!can(actor, 'manage_assignment_rules')) throw new AppError('forbidden', RULES_FORBIDDEN);
  const [rules, versions, teams, people, payers] = await Promise.all([
    loadRules(pool),
    db.assignmentRule.findMany({ select: { id: true, version: true } }),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.user.findMany({
      where: { disabledAt: null, role: { in: ['specialist', 'manager'] }, teamId: { not: null } },
      select: { id: true, name: true, teamId: true, role: true },
      orderBy: { name: 'asc' },
    }),
    db.payer.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  const version = new Map(versions.map((v) => [v.id, v.version]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const person = new Map(people.map((p) => [p.id, p]));
  const payerName = new Map(payers.map((p) => [p.id, p.name]));
  // ruleOrder drops disabled rules; the page keeps them where they sit.
  const ordered = [...ruleOrder(rules.map((r) => ({ ...r, enabled: true })))];
  const dtos = ordered.map((shape): RuleDto => {
    const r = rules.find((x) => x.id === shape.id)!;
    const c = r.conditions;
    const named = r.userId ? person.get(r.userId) : undefined;
    const problem = !teamName.has(r.teamId)
      ? 'Its team no longer exists: denials it matches get no team. Choose a team.'
      : r.strategy === 'named_person' && (!named || named.teamId !== r.teamId)
        ? 'Its person has left the team or was disabled: matching denials go to the team queue without an owner.'
        : null;
    return {
      id: r.id,
      version: version.get(r.id) ?? 0,
      position: r.position,
      name: r.name,
      enabled: r.enabled,
      isDefault: r.isDefault,
      payerIds: c.payerIds,
      categories: c.categories,
      departments: c.departments,
      carcText: c.carcCodes.join(', '),
      rarcText: c.rarcCodes.join(', '),
      amountText: amountRangeText(c),
      npiText: c.providerNpis.join(', '),
      teamId: r.teamId,
      teamName: teamName.get(r.teamId) ?? null,
      strategy: r.strategy,
      userId: r.userId,
      userName: named?.name ?? null,
      problem,
      summary: describeConditions(c, payerName),
    };
  });
  return { rules: dtos, teams, people: people.map((p) => ({ ...p, teamId: p.teamId!, role: p.role })), payers };
}
