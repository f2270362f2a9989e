import 'server-only';
import type { AssignmentStrategy } from '@/lib/domain/assignment/rules';
import type { Tx } from '../db';
import { DEMO_PAYERS } from './demo-payers';

// The demo's assignment rules, seeded after the demo denials (which the demo spreads over its people itself,
// demo-work.ts), so every file uploaded into the demo afterwards is routed the way the demo office splits
// work: government payers to hospital billing in turn, commercial payers to professional billing by load, and
// the default rule keeping anything else in professional billing's team queue. Only into a database without rules.

interface DemoRule {
  name: string;
  team: string;
  strategy: AssignmentStrategy;
  payerTypes?: readonly string[];
  categories?: string[];
  minCents?: number;
}

const DEMO_RULES: DemoRule[] = [
  { name: 'Large timely-filing denials to professional billing’s queue', team: 'Professional billing', strategy: 'team_only', categories: ['timely_filing'], minCents: 500_000 },
  { name: 'Medicare and Medicaid to hospital billing', team: 'Hospital billing', strategy: 'round_robin', payerTypes: ['medicare', 'medicaid'] },
  { name: 'Commercial payers to professional billing', team: 'Professional billing', strategy: 'least_open_dollars', payerTypes: ['commercial'] },
];

export async function seedDemoRules(tx: Tx): Promise<void> {
  if ((await tx.assignmentRule.count()) > 0) return;
  const teams = new Map((await tx.team.findMany({ select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  const payers = await tx.payer.findMany({ where: { identifier: { in: DEMO_PAYERS.map((p) => p.identifier) } }, select: { id: true, payerType: true } });
  const rows = DEMO_RULES.map((r, i) => ({
    name: r.name,
    position: i + 1,
    teamId: teams.get(r.team),
    strategy: r.strategy,
    payerIds: r.payerTypes ? payers.filter((p) => r.payerTypes!.includes(p.payerType)).map((p) => p.id) : [],
    categories: r.categories ?? [],
    minCents: r.minCents === undefined ? null : BigInt(r.minCents),
  }));
  const fallback = teams.get('Professional billing');
  if (!fallback || rows.some((r) => !r.teamId)) return;
  await tx.assignmentRule.createMany({
    data: [
      ...rows.map((r) => ({ ...r, teamId: r.teamId! })),
      { name: 'Everything else', position: 0, isDefault: true, teamId: fallback, strategy: 'team_only' },
    ],
  });
}
