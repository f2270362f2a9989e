import 'server-only';
import type { RuleDraft } from '@/lib/domain/contracts/assignment-rules';
import { NO_CONDITIONS, type RuleConditions } from '@/lib/domain/assignment/rules';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { type Tx, db } from '../db';
import { type Result, fail } from '../errors';

export const RULES_FORBIDDEN = 'Only managers edit assignment rules.';
export const STALE_RULE = 'Someone else changed this rule while you were editing it. Your change was not saved: the latest rules are shown — check them and save again.';

/** The conditions of a draft as stored: the default rule has none, whatever was sent. */
export function draftConditions(draft: RuleDraft): RuleConditions {
  if (draft.isDefault) return NO_CONDITIONS;
  return {
    payerIds: draft.payerIds,
    categories: draft.categories,
    departments: draft.departments,
    carcCodes: draft.carcCodes,
    rarcCodes: draft.rarcCodes,
    minCents: draft.amountRange.minCents,
    maxCents: draft.amountRange.maxCents,
    providerNpis: draft.providerNpis,
  };
}

/**
 * What the form cannot know: the team, the person (active, in that team, a specialist or manager), the payers
 * and every code (present in the CARC or RARC table) exist. Field errors, so the form marks the field.
 */
export async function checkReferences(tx: Tx | typeof db, draft: RuleDraft): Promise<Record<string, string[]> | null> {
  const c = draftConditions(draft);
  const errors: Record<string, string[]> = {};
  const [team, user, payers, carcs, rarcs] = await Promise.all([
    tx.team.findUnique({ where: { id: draft.teamId }, select: { id: true } }),
    draft.strategy === 'named_person' && draft.userId
      ? tx.user.findUnique({ where: { id: draft.userId }, select: { teamId: true, role: true, disabledAt: true } })
      : null,
    c.payerIds.length ? tx.payer.findMany({ where: { id: { in: c.payerIds } }, select: { id: true } }) : [],
    c.carcCodes.length ? tx.carcCode.findMany({ where: { code: { in: c.carcCodes } }, select: { code: true } }) : [],
    c.rarcCodes.length ? tx.rarcCode.findMany({ where: { code: { in: c.rarcCodes } }, select: { code: true } }) : [],
  ]);
  if (!team) errors.teamId = ['Choose a team from the list'];
  if (draft.strategy === 'named_person' && (!user || user.disabledAt || user.teamId !== draft.teamId || (user.role !== 'specialist' && user.role !== 'manager'))) {
    errors.userId = ['Choose an active specialist or manager of this team'];
  }
  if (payers.length !== c.payerIds.length) errors.payerIds = ['A payer in the list no longer exists: reload and choose again'];
  const unknown = (wanted: string[], found: { code: string }[]) => wanted.filter((code) => !found.some((f) => f.code === code));
  const badCarcs = unknown(c.carcCodes, carcs);
  const badRarcs = unknown(c.rarcCodes, rarcs);
  if (badCarcs.length) errors.carcCodes = [`Not in the CARC list: ${badCarcs.slice(0, 5).join(', ')}`];
  if (badRarcs.length) errors.rarcCodes = [`Not in the RARC list: ${badRarcs.slice(0, 5).join(', ')}`];
  return Object.keys(errors).length ? errors : null;
}

function columns(draft: RuleDraft, actorId: string) {
  const c = draftConditions(draft);
  return {
    name: draft.name,
    enabled: draft.isDefault ? true : draft.enabled,
    payerIds: c.payerIds,
    categories: c.categories,
    departments: c.departments,
    carcCodes: c.carcCodes,
    rarcCodes: c.rarcCodes,
    minCents: c.minCents === null ? null : BigInt(c.minCents),
    maxCents: c.maxCents === null ? null : BigInt(c.maxCents),
    providerNpis: c.providerNpis,
    teamId: draft.teamId,
    strategy: draft.strategy,
    userId: draft.strategy === 'named_person' ? draft.userId : null,
    updatedById: actorId,
  };
}

/**
 * Creates a rule (last before the default) or saves an edit of one, refusing a stale edit (version), with its
 * audit event (before and after) in the same transaction. There is one default rule: always enabled, no
 * conditions, tried last.
 */
export async function saveRule(actor: Actor, draft: RuleDraft): Promise<Result<{ id: string; version: number }>> {
  if (!can(actor, 'manage_assignment_rules')) return fail('forbidden', RULES_FORBIDDEN);
  return db.$transaction(async (tx) => {
    const fieldErrors = await checkReferences(tx, draft);
    if (fieldErrors) return fail('invalid_input', 'Please correct the highlighted fields.', { fieldErrors });
    const data = columns(draft, actor.id);
    if (!draft.id) {
      if (draft.isDefault && (await tx.assignmentRule.findFirst({ where: { isDefault: true }, select: { id: true } }))) {
        return fail('conflict', 'There is already a default rule: edit it instead. The latest rules are shown.');
      }
      const last = await tx.assignmentRule.aggregate({ _max: { position: true }, where: { isDefault: false } });
      const created = await tx.assignmentRule.create({
        data: { ...data, isDefault: draft.isDefault, position: draft.isDefault ? 0 : (last._max.position ?? 0) + 1 },
        select: { id: true, version: true },
      });
      await audit(actor, { action: 'assignment_rule.create', entityType: 'assignment_rule', entityId: created.id, details: auditable(data, draft.isDefault) }, tx);
      return { ok: true as const, data: created };
    }
    const before = await tx.assignmentRule.findUnique({ where: { id: draft.id } });
    if (!before) return fail('not_found', 'This rule no longer exists: someone deleted it. The latest rules are shown.');
    if (before.isDefault !== draft.isDefault) return fail('invalid_input', 'The default rule stays the default rule.');
    const { count } = await tx.assignmentRule.updateMany({ where: { id: draft.id, version: draft.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) return fail('conflict', STALE_RULE, { details: { version: before.version } });
    await audit(actor, {
      action: 'assignment_rule.update',
      entityType: 'assignment_rule',
      entityId: draft.id,
      details: { before: auditable(before, before.isDefault), after: auditable(data, draft.isDefault) },
    }, tx);
    return { ok: true as const, data: { id: draft.id, version: before.version + 1 } };
  });
}

/** The rule's settings as JSON for the audit trail (cents as numbers). */
type Stored = Omit<ReturnType<typeof columns>, 'updatedById' | 'strategy'> & { strategy: string };

export function auditable(r: Stored, isDefault: boolean) {
  return {
    name: r.name, enabled: r.enabled, isDefault, payerIds: r.payerIds, categories: r.categories, departments: r.departments, carcCodes: r.carcCodes,
    rarcCodes: r.rarcCodes, minCents: r.minCents === null ? null : Number(r.minCents), maxCents: r.maxCents === null ? null : Number(r.maxCents),
    providerNpis: r.providerNpis, teamId: r.teamId, strategy: r.strategy, userId: r.userId,
  };
}
