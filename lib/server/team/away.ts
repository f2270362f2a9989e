import 'server-only';
import { z } from 'zod';
import { isoDateInput } from '@/lib/domain/contracts/dates';
import type { IsoDate } from '@/lib/domain/dates';
import { type Actor, reaches, roleMay } from '@/lib/domain/permissions';
import { type TeamMemberAway, absencePhase, absenceProblem } from '@/lib/domain/team/away';
import { audit } from '../audit';
import { todayIso } from '../clock';
import { type Tx, db } from '../db';
import { isoDate } from '../denials/dto';
import { type Result, fail } from '../errors';
import { notify } from '../notifications/notify';

export const setAwayInput = z.object({
  userId: z.uuid(),
  from: isoDateInput(),
  until: isoDateInput(),
  coverId: z.uuid(),
});
export type SetAwayInput = z.infer<typeof setAwayInput>;

export const clearAwayInput = z.object({ userId: z.uuid() });

const NOT_IN_REACH = 'Choose someone from the list: only active specialists and managers you work with.';
const PERSON = { id: true, name: true, role: true, teamId: true, disabledAt: true } as const;

/** An active specialist or manager within the actor's reach, or null (an unknown id and another team's read alike). */
async function member(on: Tx | typeof db, actor: Actor, id: string) {
  const p = await on.user.findUnique({ where: { id }, select: PERSON });
  return p && !p.disabledAt && (p.role === 'specialist' || p.role === 'manager') && reaches(actor, { ownerId: p.id, teamId: p.teamId }) ? p : null;
}

/** The people a manager may mark away, with their current or planned absence. No PHI. */
export async function listTeamAway(actor: Actor, today: IsoDate = todayIso()): Promise<Result<TeamMemberAway[]>> {
  if (!roleMay(actor.role, 'manage_away')) return fail('forbidden', 'Only managers mark people away.');
  const people = await db.user.findMany({
    where: { disabledAt: null, role: { in: ['specialist', 'manager'] } },
    select: { ...PERSON, awayFrom: true, awayUntil: true, awayCoverId: true, awayCover: { select: { name: true } } },
    orderBy: { name: 'asc' },
  });
  return {
    ok: true,
    data: people
      .filter((p) => reaches(actor, { ownerId: p.id, teamId: p.teamId }))
      .map((p) => {
        const from = isoDate(p.awayFrom);
        const until = isoDate(p.awayUntil);
        const phase = from && until ? absencePhase({ from, until }, today) : 'past';
        const away = from && until && p.awayCoverId && p.awayCover && phase !== 'past' ? { from, until, coverId: p.awayCoverId, coverName: p.awayCover.name, phase } : null;
        return { id: p.id, name: p.name, role: p.role as 'specialist' | 'manager', away };
      }),
  };
}

/**
 * Marks someone away from/until (inclusive) with a named cover, replacing any absence they had. While it lasts the
 * cover's "My queue" holds the absent person's due follow-ups (lib/server/denials/queue-sql.ts). The cover is told
 * once, in the same transaction; set and clear are audited.
 */
export async function setAway(actor: Actor, input: SetAwayInput, today: IsoDate = todayIso()): Promise<Result<TeamMemberAway['away']>> {
  if (!roleMay(actor.role, 'manage_away')) return fail('forbidden', 'Only managers mark people away.');
  return db.$transaction(async (tx) => {
    const person = await member(tx, actor, input.userId);
    if (!person) return fail('invalid_input', NOT_IN_REACH, { fieldErrors: { userId: ['Choose someone from the list'] } });
    const cover = await member(tx, actor, input.coverId);
    if (!cover) return fail('invalid_input', NOT_IN_REACH, { fieldErrors: { coverId: ['Choose someone from the list'] } });
    const problem = absenceProblem(input, today);
    if (problem) return fail('invalid_input', problem, { fieldErrors: { [input.coverId === input.userId ? 'coverId' : 'until']: [problem] } });

    await tx.user.update({
      where: { id: person.id },
      data: { awayFrom: new Date(`${input.from}T00:00:00Z`), awayUntil: new Date(`${input.until}T00:00:00Z`), awayCoverId: cover.id },
    });
    await audit(actor, { action: 'team.away_set', entityType: 'user', entityId: person.id, details: { from: input.from, until: input.until, coverId: cover.id } }, tx);
    await notify(tx, actor.id, [
      {
        userId: cover.id,
        kind: 'assignment',
        title: `You cover ${person.name}’s due follow-ups from ${input.from} to ${input.until}`,
        body: 'They appear in your queue, marked “covering for”, while the absence lasts.',
        href: '/queue?view=mine',
      },
    ]);
    const phase = absencePhase(input, today);
    return { ok: true as const, data: { from: input.from, until: input.until, coverId: cover.id, coverName: cover.name, phase: phase === 'planned' ? 'planned' : 'current' } };
  });
}

/** Ends (or cancels) someone's absence: their follow-ups leave the cover's queue at once. */
export async function clearAway(actor: Actor, input: z.infer<typeof clearAwayInput>): Promise<Result<null>> {
  if (!roleMay(actor.role, 'manage_away')) return fail('forbidden', 'Only managers mark people away.');
  return db.$transaction(async (tx) => {
    const person = await member(tx, actor, input.userId);
    if (!person) return fail('invalid_input', NOT_IN_REACH, { fieldErrors: { userId: ['Choose someone from the list'] } });
    const { count } = await tx.user.updateMany({ where: { id: person.id, awayCoverId: { not: null } }, data: { awayFrom: null, awayUntil: null, awayCoverId: null } });
    if (count === 0) return fail('invalid_input', `${person.name} is not marked away.`);
    await audit(actor, { action: 'team.away_clear', entityType: 'user', entityId: person.id, details: {} }, tx);
    return { ok: true as const, data: null };
  });
}
