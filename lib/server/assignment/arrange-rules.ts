import 'server-only';
import type { z } from 'zod';
import type { moveRuleInput, ruleRefInput, toggleRuleInput } from '@/lib/domain/contracts/assignment-rules';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { type Tx, db } from '../db';
import { type Result, fail } from '../errors';
import { RULES_FORBIDDEN, STALE_RULE } from './save-rule';

type Ref = z.infer<typeof ruleRefInput>;

/** The rule at the version the manager saw, or the failure to return (gone, stale, or the default rule). */
async function current(tx: Tx, ref: Ref, what: string) {
  const rule = await tx.assignmentRule.findUnique({ where: { id: ref.id }, select: { id: true, name: true, version: true, position: true, isDefault: true, enabled: true } });
  if (!rule) return fail('not_found', 'This rule no longer exists: someone deleted it. The latest rules are shown.');
  if (rule.version !== ref.version) return fail('conflict', STALE_RULE, { details: { version: rule.version } });
  if (rule.isDefault) return fail('invalid_input', `The default rule is always last and always on; it cannot be ${what}.`);
  return rule;
}

/**
 * Swaps a rule with its neighbour above or below (the default stays last). Both rules' versions move on, so an
 * edit of either based on the old order is refused rather than applied to a rule that now runs elsewhere.
 */
export async function moveRule(actor: Actor, input: z.infer<typeof moveRuleInput>): Promise<Result<{ moved: boolean }>> {
  if (!can(actor, 'manage_assignment_rules')) return fail('forbidden', RULES_FORBIDDEN);
  return db.$transaction(async (tx) => {
    const rule = await current(tx, input, 'moved');
    if ('ok' in rule) return rule;
    const up = input.direction === 'up';
    const neighbour = await tx.assignmentRule.findFirst({
      where: { isDefault: false, OR: [{ position: up ? { lt: rule.position } : { gt: rule.position } }, { position: rule.position, id: up ? { lt: rule.id } : { gt: rule.id } }] },
      orderBy: up ? [{ position: 'desc' }, { id: 'desc' }] : [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, position: true, name: true },
    });
    if (!neighbour) return { ok: true as const, data: { moved: false } };
    // Equal positions (never written by the app, but possible by hand) are pulled apart so the swap shows.
    const [mine, theirs] = neighbour.position === rule.position ? (up ? [rule.position - 1, rule.position] : [rule.position + 1, rule.position]) : [neighbour.position, rule.position];
    await tx.assignmentRule.update({ where: { id: rule.id }, data: { position: mine, version: { increment: 1 }, updatedById: actor.id } });
    await tx.assignmentRule.update({ where: { id: neighbour.id }, data: { position: theirs, version: { increment: 1 }, updatedById: actor.id } });
    await audit(actor, { action: 'assignment_rule.move', entityType: 'assignment_rule', entityId: rule.id, details: { name: rule.name, direction: input.direction, swappedWith: neighbour.id, from: rule.position, to: mine } }, tx);
    return { ok: true as const, data: { moved: true } };
  });
}

export async function toggleRule(actor: Actor, input: z.infer<typeof toggleRuleInput>): Promise<Result<{ version: number }>> {
  if (!can(actor, 'manage_assignment_rules')) return fail('forbidden', RULES_FORBIDDEN);
  return db.$transaction(async (tx) => {
    const rule = await current(tx, input, 'turned off');
    if ('ok' in rule) return rule;
    await tx.assignmentRule.update({ where: { id: rule.id }, data: { enabled: input.enabled, version: { increment: 1 }, updatedById: actor.id } });
    await audit(actor, { action: input.enabled ? 'assignment_rule.enable' : 'assignment_rule.disable', entityType: 'assignment_rule', entityId: rule.id, details: { name: rule.name } }, tx);
    return { ok: true as const, data: { version: rule.version + 1 } };
  });
}

export async function deleteRule(actor: Actor, input: Ref): Promise<Result<{ deleted: true }>> {
  if (!can(actor, 'manage_assignment_rules')) return fail('forbidden', RULES_FORBIDDEN);
  return db.$transaction(async (tx) => {
    const rule = await current(tx, input, 'deleted');
    if ('ok' in rule) return rule;
    const stored = await tx.assignmentRule.delete({ where: { id: rule.id } });
    await audit(actor, { action: 'assignment_rule.delete', entityType: 'assignment_rule', entityId: rule.id, details: { name: stored.name, teamId: stored.teamId, strategy: stored.strategy, position: stored.position } }, tx);
    return { ok: true as const, data: { deleted: true as const } };
  });
}
