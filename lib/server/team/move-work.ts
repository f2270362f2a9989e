import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DENIAL_CATEGORIES } from '@/lib/domain/codes';
import { categoryLabel } from '@/lib/domain/labels';
import { type DenialStatus, statusAfterAssignment } from '@/lib/domain/lifecycle';
import { type Actor, can, roleMay } from '@/lib/domain/permissions';
import { REASON_MIN, reassignReason } from '@/lib/domain/team/reassign-reason';
import { moveNotificationTitle, moveQueueHref } from '@/lib/domain/team/move-work';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { type Tx, db } from '../db';
import { OPEN, reachSql } from '../denials/queue-sql';
import { type Result, fail } from '../errors';
import { notify } from '../notifications/notify';
import { newId } from '../remits/new-id';

/** The most one move carries: one transaction, one lock per row; a larger move is split by payer or category. */
export const MOVE_MAX = 5000;

const moveFilters = {
  fromUserId: z.uuid(),
  /** Only this payer's denials (optional). */
  payerId: z.uuid().nullish(),
  /** Only this category's denials (optional). */
  category: z.enum(DENIAL_CATEGORIES).nullish(),
};

export const previewMoveInput = z.object(moveFilters);
export type PreviewMoveInput = z.infer<typeof previewMoveInput>;

export const moveWorkInput = z.object({
  ...moveFilters,
  toUserId: z.uuid(),
  reason: reassignReason.refine((r) => r.length >= REASON_MIN, 'Say why the work moves (at least 3 characters)'),
  /** What the preview showed: the move refuses (409) when the set of denials changed since. */
  expected: z.object({ count: z.number().int().min(0), fingerprint: z.string().max(100) }),
});
export type MoveWorkInput = z.infer<typeof moveWorkInput>;

export interface MovePreview {
  count: number;
  totalCents: number;
  /** A digest of exactly which denials would move; the confirmation sends it back. */
  fingerprint: string;
}

export interface MoveResult extends MovePreview {
  to: { id: string; name: string };
}

interface Candidate {
  id: string;
  status: DenialStatus;
  deniedCents: bigint;
}

const fingerprintOf = (ids: readonly string[]) => createHash('sha256').update([...ids].sort().join(',')).digest('base64url');

const NOT_IN_REACH = 'Choose someone from the list: only active specialists and managers you work with.';

/** A person the actor may move work from or to: active, a specialist or manager, within the actor's reach. */
async function personInReach(on: Tx | typeof db, actor: Actor, id: string) {
  const person = await on.user.findUnique({ where: { id }, select: { id: true, name: true, role: true, teamId: true, disabledAt: true } });
  const ok = person && (person.role === 'specialist' || person.role === 'manager') && can(actor, 'reassign', { ownerId: person.id, teamId: person.teamId });
  return ok ? person : null;
}

/** The open denials a move would take: the from-person's, narrowed by payer and category, within the actor's reach. */
async function candidates(on: Tx | typeof db, actor: Actor, input: PreviewMoveInput, lock: boolean): Promise<Candidate[]> {
  const where = [OPEN, reachSql(actor), Prisma.sql`d."ownerId" = ${input.fromUserId}::uuid`];
  if (input.payerId) where.push(Prisma.sql`d."payerId" = ${input.payerId}::uuid`);
  if (input.category) where.push(Prisma.sql`d.category = ${input.category}`);
  return on.$queryRaw<Candidate[]>(Prisma.sql`
    SELECT d.id, d.status::text AS status, d."deniedCents" FROM denial d
     WHERE ${Prisma.join(where, ' AND ')} ORDER BY d.id ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`);
}

const summarize = (rows: readonly Candidate[]): MovePreview => ({
  count: rows.length,
  totalCents: rows.reduce((sum, r) => sum + Number(r.deniedCents), 0),
  fingerprint: fingerprintOf(rows.map((r) => r.id)),
});

/** What a move would take, for the page's live preview. Reads no PHI: a count, a sum and a digest. */
export async function previewMoveWork(actor: Actor, input: PreviewMoveInput): Promise<Result<MovePreview>> {
  if (!roleMay(actor.role, 'reassign')) return fail('forbidden', 'Only managers move work between people.');
  if (!(await personInReach(db, actor, input.fromUserId))) return fail('invalid_input', NOT_IN_REACH, { fieldErrors: { fromUserId: ['Choose someone from the list'] } });
  return { ok: true, data: summarize(await candidates(db, actor, input, false)) };
}

/**
 * Moves exactly the previewed denials from one person to another in one transaction: each denial's owner, team
 * and version, a timeline event each (with the reason), one audit event for the move, and one summary notification
 * for the new owner. If the set changed since the preview (a denial closed, arrived or moved), nothing moves and
 * the answer is a conflict carrying the fresh preview.
 */
export async function moveWork(actor: Actor, input: MoveWorkInput): Promise<Result<MoveResult>> {
  if (!roleMay(actor.role, 'reassign')) return fail('forbidden', 'Only managers move work between people.');
  if (input.fromUserId === input.toUserId) return fail('invalid_input', 'Choose a different person to move the work to.', { fieldErrors: { toUserId: ['Choose someone else'] } });
  return db.$transaction(
    async (tx) => {
      const from = await personInReach(tx, actor, input.fromUserId);
      if (!from) return fail('invalid_input', NOT_IN_REACH, { fieldErrors: { fromUserId: ['Choose someone from the list'] } });
      const to = await personInReach(tx, actor, input.toUserId);
      if (!to || to.disabledAt) return fail('invalid_input', NOT_IN_REACH, { fieldErrors: { toUserId: ['Choose someone from the list'] } });

      const rows = await candidates(tx, actor, input, true);
      const now = summarize(rows);
      if (now.count !== input.expected.count || now.fingerprint !== input.expected.fingerprint) {
        return fail('conflict', `The work changed since the preview: ${now.count} denials match now. Check the new preview and confirm again.`, { details: { current: now } });
      }
      if (now.count === 0) return fail('invalid_input', 'There is nothing to move: no open denials match.');
      if (now.count > MOVE_MAX) return fail('invalid_input', `A move carries at most ${MOVE_MAX} denials: narrow it by payer or category.`);

      const statuses = rows.map((r) => statusAfterAssignment(r.status, true));
      await tx.$executeRaw(Prisma.sql`
        UPDATE denial d SET "ownerId" = ${to.id}::uuid, "teamId" = COALESCE(${to.teamId}::uuid, d."teamId"), status = m.status::"DenialStatus",
                            version = d.version + 1, "updatedAt" = now()
          FROM unnest(${rows.map((r) => r.id)}::uuid[], ${statuses}::text[]) AS m(id, status)
         WHERE d.id = m.id`);
      const moveId = newId();
      await tx.denialEvent.createMany({
        data: rows.map((r, i) => ({
          denialId: r.id,
          actorId: actor.id,
          type: 'assigned',
          note: input.reason,
          data: {
            from: { id: from.id, name: from.name },
            to: { id: to.id, name: to.name },
            moveId,
            ...(statuses[i] !== r.status ? { status: { from: r.status, to: statuses[i]! } } : {}),
          },
        })),
      });
      const payer = input.payerId ? await tx.payer.findUnique({ where: { id: input.payerId }, select: { name: true } }) : null;
      await audit(
        actor,
        {
          action: 'team.move_work',
          entityType: 'user',
          entityId: from.id,
          details: { moveId, from: from.id, to: to.id, count: now.count, cents: now.totalCents, payerId: input.payerId ?? null, category: input.category ?? null, reason: input.reason },
        },
        tx,
      );
      await notify(tx, actor.id, [
        {
          userId: to.id,
          kind: 'assignment',
          title: moveNotificationTitle(actor.name, now.count, now.totalCents, { payer: payer?.name, category: input.category ? categoryLabel(input.category) : null }),
          body: input.reason,
          href: moveQueueHref({ payerId: input.payerId, category: input.category }),
        },
      ]);
      return { ok: true as const, data: { ...now, to: { id: to.id, name: to.name } } };
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}

/**
 * Whose work a move can take: everyone within the actor's reach who owns open denials — a disabled colleague
 * included, since moving a leaver's work is the commonest move. Names only (no PHI).
 */
export async function listMoveSources(actor: Actor): Promise<Result<{ id: string; name: string; disabled: boolean }[]>> {
  if (!roleMay(actor.role, 'reassign')) return fail('forbidden', 'Only managers move work between people.');
  const rows = await db.$queryRaw<{ id: string; name: string; teamId: string | null; disabled: boolean }[]>(Prisma.sql`
    SELECT u.id, u.name, u."teamId", u."disabledAt" IS NOT NULL AS disabled FROM app_user u
     WHERE u.role IN ('specialist', 'manager')
       AND EXISTS (SELECT 1 FROM denial d WHERE d."ownerId" = u.id AND ${OPEN} AND ${reachSql(actor)})
     ORDER BY u.name`);
  return {
    ok: true,
    data: rows.filter((u) => can(actor, 'reassign', { ownerId: u.id, teamId: u.teamId })).map(({ id, name, disabled }) => ({ id, name, disabled })),
  };
}
