// Shared by the assignment tests. Rules are global (every import consults them), and the integration files share
// one database one file after another, in no fixed order: each test starts without rules (the authorization
// tests leave rules that match only payers of their own) and removes its own afterwards, so no other file's
// imports are routed.
import { afterEach, beforeEach } from 'vitest';
import type { AssignmentStrategy } from '@/lib/domain/assignment/rules';
import { db } from '@/lib/server/db';

export function withoutOtherRules(): void {
  const clear = async () => {
    await db.assignmentRule.deleteMany();
  };
  beforeEach(clear);
  afterEach(clear);
}

export interface RuleSpec {
  name?: string;
  teamId: string;
  strategy?: AssignmentStrategy;
  userId?: string | null;
  payerIds?: string[];
  categories?: string[];
  carcCodes?: string[];
  minCents?: number;
  providerNpis?: string[];
  isDefault?: boolean;
  enabled?: boolean;
}

let position = 0;
/** A rule written straight to the table, after every rule before it. */
export async function createRule(spec: RuleSpec) {
  position++;
  return db.assignmentRule.create({
    data: {
      name: spec.name ?? `Rule ${position}`,
      position: spec.isDefault ? 0 : position,
      isDefault: spec.isDefault ?? false,
      enabled: spec.enabled ?? true,
      teamId: spec.teamId,
      strategy: spec.strategy ?? 'team_only',
      userId: spec.userId ?? null,
      payerIds: spec.payerIds ?? [],
      categories: spec.categories ?? [],
      departments: [],
      carcCodes: spec.carcCodes ?? [],
      rarcCodes: [],
      providerNpis: spec.providerNpis ?? [],
      minCents: spec.minCents === undefined ? null : BigInt(spec.minCents),
    },
  });
}

/** Open denials per owner among `ids`. */
export async function ownersOf(ids: string[]): Promise<Map<string | null, number>> {
  const rows = await db.denial.findMany({ where: { id: { in: ids } }, select: { ownerId: true } });
  const out = new Map<string | null, number>();
  for (const r of rows) out.set(r.ownerId, (out.get(r.ownerId) ?? 0) + 1);
  return out;
}

export const spread = (values: Iterable<number>) => {
  const list = [...values];
  return Math.max(...list) - Math.min(...list);
};
