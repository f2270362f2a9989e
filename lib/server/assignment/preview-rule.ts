import 'server-only';
import type { RuleDraft, RulePreviewDto } from '@/lib/domain/contracts/assignment-rules';
import { type AssignmentRule, ruleOrder } from '@/lib/domain/assignment/rules';
import { type Actor, can } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { pool } from '../db';
import { OPEN, reachSql } from '../denials/queue-sql';
import { type Result, fail } from '../errors';
import { query } from '../sql';
import { loadRules } from './load-routing';
import { RULES_FORBIDDEN, draftConditions } from './save-rule';
import { conditionsSql } from './rule-sql';

const EXAMPLES = 5;

/** The stored rules with the draft in its place (a new rule goes last before the default), in the order they are tried. */
export function withDraft(stored: AssignmentRule[], draft: RuleDraft): { ordered: AssignmentRule[]; rule: AssignmentRule } {
  const existing = draft.id ? stored.find((r) => r.id === draft.id) : undefined;
  const rule: AssignmentRule = {
    id: draft.id ?? '00000000-0000-0000-0000-000000000000',
    name: draft.name,
    enabled: true,
    isDefault: draft.isDefault,
    position: existing?.position ?? Math.max(0, ...stored.filter((r) => !r.isDefault).map((r) => r.position)) + 1,
    conditions: draftConditions(draft),
    teamId: draft.teamId,
    strategy: draft.strategy,
    userId: draft.userId,
    cursorUserId: existing?.cursorUserId ?? null,
  };
  const others = stored.filter((r) => r.id !== rule.id && !(draft.isDefault && r.isDefault));
  return { ordered: ruleOrder([...others, rule]), rule };
}

/**
 * What a rule — saved or still being edited — would match among today's open denials in the actor's reach, and
 * what it would actually get: the rules before it take their matches first. Counted in SQL (the conditions as
 * a predicate), so it answers as fast at a million denials as at a hundred. The examples name claims: a PHI read.
 */
export async function previewRule(actor: Actor, draft: RuleDraft): Promise<Result<RulePreviewDto>> {
  if (!can(actor, 'manage_assignment_rules')) return fail('forbidden', RULES_FORBIDDEN);
  const { ordered, rule } = withDraft(await loadRules(pool), draft);
  const earlier = ordered.slice(0, ordered.indexOf(rule));
  const mine = rule.isDefault ? Prisma.sql`TRUE` : conditionsSql(rule.conditions);
  const taken = earlier.map((r) => Prisma.sql`AND NOT coalesce((${conditionsSql(r.conditions)}), false)`);
  const from = Prisma.sql`FROM denial d JOIN claim c ON c.id = d."claimId" WHERE ${OPEN} AND ${reachSql(actor)} AND coalesce((${mine}), false)`;
  const routedWhere = Prisma.sql`${from} ${Prisma.join([Prisma.empty, ...taken], ' ')}`;
  const [matching, routed, examples] = await Promise.all([
    query<{ count: number; cents: string }>(Prisma.sql`SELECT count(*)::int AS count, coalesce(sum(d."deniedCents"), 0)::text AS cents ${from}`),
    query<{ count: number; cents: string }>(Prisma.sql`SELECT count(*)::int AS count, coalesce(sum(d."deniedCents"), 0)::text AS cents ${routedWhere}`),
    query<{ id: string; payerName: string; category: string; deniedCents: string; payerClaimNumber: string | null }>(
      Prisma.sql`SELECT d.id, p.name AS "payerName", d.category, d."deniedCents"::text AS "deniedCents", d."payerClaimNumber"
                 FROM (SELECT d.id, d."payerId", d.category, d."deniedCents", d."payerClaimNumber" ${routedWhere} ORDER BY d."deniedCents" DESC, d.id LIMIT ${EXAMPLES}) d JOIN payer p ON p.id = d."payerId"
                 ORDER BY d."deniedCents" DESC, d.id`,
    ),
  ]);
  await audit(actor, { action: 'assignment_rule.preview', entityType: 'assignment_rule', entityId: draft.id ?? null, phi: examples.length > 0, details: { name: draft.name, matching: matching[0]!.count, routed: routed[0]!.count, examples: examples.map((e) => e.id) } });
  const figure = (row: { count: number; cents: string }) => ({ count: row.count, cents: Number(row.cents) });
  return {
    ok: true,
    data: {
      matching: figure(matching[0]!),
      routed: figure(routed[0]!),
      examples: examples.map((e) => ({ id: e.id, payerName: e.payerName, category: e.category, deniedCents: Number(e.deniedCents), payerClaimNumber: e.payerClaimNumber })),
    },
  };
}
