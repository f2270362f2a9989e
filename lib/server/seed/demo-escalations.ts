import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import { raiseEscalations } from '../escalations/raise-escalations';

// What a specialist escalates in practice: a decision above their authority, or a block they cannot clear.
const REASONS = [
  'Balance over $10k and the deadline is close: I want a second pair of eyes on the appeal before it goes.',
  'Payer wants the operative report, but the surgeon’s office has not answered three requests in two weeks.',
  'Bundling edit (CO-97) looks wrong: modifier 59 was on the claim. Do we appeal or correct and resubmit?',
  'Payer keeps rejecting the corrected claim as a duplicate (CO-18), third attempt. Do we appeal or write it off?',
  'Appeal deadline in under a week and the provider has not signed the letter of medical necessity. Can you chase the office?',
  'Payer rep says the prior authorization was never on file, but we have the fax confirmation. I want to request a peer-to-peer: need your OK.',
  'Paid well below our contracted rate. Looks like the payer loaded the wrong fee schedule; contracting should take this up with them.',
  'Timely filing denial, but the clearinghouse report proves the original submission. Second-level appeal or go straight to the payer rep?',
  'Coverage was terminated retroactively and the payer wants a prior payment back. How do we handle the patient balance?',
] as const;

/** How long each has waited, in hours: some fresh, some over a day, one close to a week. */
const WAITED_HOURS = [3, 20, 30, 52, 75, 140, 9, 44, 100] as const;

/**
 * The demo's escalations: each demo specialist escalates three of their own open denials — the highest balances —
 * with a realistic reason, so the manager's escalation queue has work in it.
 */
export async function seedDemoEscalations(): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const specialists = await tx.user.findMany({ where: { role: 'specialist', disabledAt: null }, orderBy: { email: 'asc' } });
      let raised = 0;
      for (const person of specialists) {
        const actor: Actor = { id: person.id, role: 'specialist', teamId: person.teamId, orgWide: false, name: person.name, email: person.email, ip: null, userAgent: 'demo seed' };
        const denials = await tx.denial.findMany({
          where: { ownerId: person.id, escalated: false, status: { in: ['in_progress', 'pending_info', 'appealed'] } },
          orderBy: [{ deniedCents: 'desc' }, { id: 'asc' }],
          take: 3,
          select: { id: true },
        });
        const opened = await raiseEscalations(
          tx,
          actor,
          denials.map((d, i) => ({ denialId: d.id, reason: REASONS[(raised + i) % REASONS.length]! })),
        );
        // Backdated, so the queue shows escalations that have waited a while, oldest first.
        for (const e of opened) {
          const hours = WAITED_HOURS[raised % WAITED_HOURS.length]!;
          const at = Prisma.sql`now() - make_interval(hours => ${hours})`;
          await tx.$executeRaw(Prisma.sql`UPDATE escalation SET "raisedAt" = ${at} WHERE id = ${e.id}::uuid`);
          await tx.$executeRaw(Prisma.sql`UPDATE denial_event SET "createdAt" = ${at} WHERE "denialId" = ${e.denialId}::uuid AND data->>'escalationId' = ${e.id}`);
          await tx.$executeRaw(Prisma.sql`UPDATE notification SET "createdAt" = ${at} WHERE "denialId" = ${e.denialId}::uuid AND kind = 'escalation_raised'`);
          raised += 1;
        }
      }
      return raised;
    },
    { timeout: 60_000 },
  );
}
