import 'server-only';
import type pg from 'pg';
import type { RerunPreviewDto, RerunResultDto, RerunScope } from '@/lib/domain/contracts/assignment-rules';
import { type Assignment, AssignmentRouter } from '@/lib/domain/assignment/distribute';
import type { DenialFacts } from '@/lib/domain/assignment/rules';
import { type DenialStatus, statusAfterAssignment } from '@/lib/domain/lifecycle';
import { type Actor, can } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { checkOut, pool } from '../db';
import { type Result, fail } from '../errors';
import { newId } from '../remits/new-id';
import { query } from '../sql';
import { type Routing, loadRouting, loadRules } from './load-routing';
import { OwnerTally, assignedEventData, saveCursors } from './route-events';
import { RULES_FORBIDDEN } from './save-rule';
import { OPEN, reachSql } from '../denials/queue-sql';

/** One run routes at most this many (oldest first); a larger backlog takes another click. */
export const MAX_RERUN = 20_000;

interface Candidate extends DenialFacts {
  status: DenialStatus;
  teamId: string | null;
}

type Row = Omit<Candidate, 'deniedCents'> & { deniedCents: string };

function candidatesSql(actor: Actor, scope: RerunScope, lock: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id, d."payerId", d.category, d.department, d."carcCodes", d."rarcCodes", d."deniedCents"::text AS "deniedCents",
           c."renderingProviderNpi" AS "providerNpi", d.status::text AS status, d."teamId"
      FROM denial d JOIN claim c ON c.id = d."claimId"
     WHERE ${OPEN} AND d."ownerId" IS NULL ${scope === 'no_team' ? Prisma.sql`AND d."teamId" IS NULL` : Prisma.empty} AND ${reachSql(actor)}
     ORDER BY d."openedAt", d.id
     LIMIT ${MAX_RERUN} ${lock ? Prisma.sql`FOR UPDATE OF d` : Prisma.empty}`;
}

async function candidates(client: pg.Pool | pg.PoolClient, actor: Actor, scope: RerunScope, lock: boolean): Promise<Candidate[]> {
  const rows = await query<Row>(candidatesSql(actor, scope, lock), { client });
  return rows.map((r) => ({ ...r, deniedCents: Number(r.deniedCents) }));
}

function route(routing: Routing, list: Candidate[]) {
  const router = new AssignmentRouter(routing);
  const routed: { denial: Candidate; a: Assignment }[] = [];
  for (const denial of list) {
    const a = router.assign(denial);
    if (a) routed.push({ denial, a });
  }
  return { router, routed };
}

/** What a re-run would do now, for the confirmation: how many, how much, and by which rule. Writes nothing. */
export async function previewRerun(actor: Actor, scope: RerunScope): Promise<Result<RerunPreviewDto>> {
  if (!can(actor, 'manage_assignment_rules')) return fail('forbidden', RULES_FORBIDDEN);
  const routing = await loadRouting(pool, await loadRules(pool));
  const list = await candidates(pool, actor, scope, false);
  const { routed } = route(routing, list);
  const byRule = new Map<string, RerunPreviewDto['byRule'][number] & { people: Set<string> }>();
  for (const { denial, a } of routed) {
    const entry = byRule.get(a.ruleId) ?? { ruleName: a.ruleName, teamName: routing.teamNames.get(a.teamId) ?? 'a team', count: 0, cents: 0, owners: 0, people: new Set<string>() };
    entry.count += 1;
    entry.cents += denial.deniedCents;
    if (a.ownerId) entry.people.add(a.ownerId);
    byRule.set(a.ruleId, entry);
  }
  return {
    ok: true,
    data: {
      scope,
      count: routed.length,
      cents: routed.reduce((sum, r) => sum + r.denial.deniedCents, 0),
      byRule: [...byRule.values()].map(({ people, ...e }) => ({ ...e, owners: people.size })),
      unmatched: list.length - routed.length,
    },
  };
}

/**
 * Applies the rules to open denials with no owner (scope no_owner) or with neither owner nor team (no_team), in
 * one transaction: each routed denial gets its team, owner and status with its version bumped (an edit based on
 * the old state is refused), an 'assigned' timeline event naming the rule, one notification per new owner, and
 * one audit event for the run. Refused when the count the manager confirmed is no longer what would be routed.
 */
export async function rerunUnassigned(actor: Actor, input: { scope: RerunScope; expectedCount: number }): Promise<Result<RerunResultDto>> {
  if (!can(actor, 'manage_assignment_rules')) return fail('forbidden', RULES_FORBIDDEN);
  const routing = await loadRouting(pool, await loadRules(pool));
  const client = await checkOut();
  try {
    await client.query('BEGIN');
    const list = await candidates(client, actor, input.scope, true);
    const { router, routed } = route(routing, list);
    if (routed.length !== input.expectedCount) {
      await client.query('ROLLBACK');
      return fail('conflict', `The unassigned queue changed while you were confirming: ${routed.length.toLocaleString('en-US')} denials would be routed now, not ${input.expectedCount.toLocaleString('en-US')}. Nothing was changed; check the new count and confirm again.`, { details: { count: routed.length } });
    }
    const tally = new OwnerTally();
    const rows = routed.map(({ denial, a }) => {
      tally.add(a.ownerId, denial.deniedCents);
      const status = statusAfterAssignment(denial.status, a.ownerId !== null);
      const data = { ...assignedEventData(routing, a, { status: { from: denial.status, to: status } }), ...(denial.teamId && denial.teamId !== a.teamId ? { fromTeamId: denial.teamId } : {}) };
      return { id: denial.id, teamId: a.teamId, ownerId: a.ownerId, status, data: JSON.stringify(data) };
    });
    if (rows.length > 0) {
      const update = Prisma.sql`
        UPDATE denial d SET "teamId" = u.team, "ownerId" = u.owner, status = u.status::"DenialStatus", version = d.version + 1, "updatedAt" = now()
          FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.teamId)}::uuid[], ${rows.map((r) => r.ownerId)}::uuid[], ${rows.map((r) => r.status)}::text[]) AS u(id, team, owner, status)
         WHERE d.id = u.id`;
      await client.query(update.text, update.values as unknown[]);
      const events = Prisma.sql`
        INSERT INTO denial_event (id, "denialId", "actorId", type, data)
        SELECT e.id, e.denial, ${actor.id}::uuid, 'assigned', e.data::jsonb
          FROM unnest(${rows.map(() => newId())}::uuid[], ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.data)}::text[]) AS e(id, denial, data)`;
      await client.query(events.text, events.values as unknown[]);
    }
    await saveCursors(client, router.movedCursors());
    await tally.notify(client, actor.id, `re-run on the unassigned queue by ${actor.name}`);
    const withOwner = rows.filter((r) => r.ownerId !== null).length;
    await audit(actor, { action: 'assignment_rule.rerun', entityType: 'assignment_rule', details: { scope: input.scope, candidates: list.length, assigned: rows.length, withOwner, unmatched: list.length - rows.length } }, client);
    await client.query('COMMIT');
    return { ok: true, data: { assigned: rows.length, withOwner, unmatched: list.length - rows.length } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
