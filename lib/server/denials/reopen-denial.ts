import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { type DenialStatus, DENIAL_STATUSES, isOpen, reopenStatus } from '@/lib/domain/lifecycle';
import type { Actor } from '@/lib/domain/permissions';
import type { Tx } from '../db';
import { type Result, fail } from '../errors';
import { denialRef } from './denial-ref';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';

export const reopenDenialInput = z.object({
  ...denialRef,
  reason: plainText(z.string().trim().min(3, 'Say why it is reopened').max(2000), 'multi-line'),
});
export type ReopenDenialInput = z.infer<typeof reopenDenialInput>;

const asStatus = (value: unknown): DenialStatus | null =>
  typeof value === 'string' && (DENIAL_STATUSES as readonly string[]).includes(value) ? (value as DenialStatus) : null;

/**
 * The open status the denial was closed from: the latest event that closed it names it (`from`). Write-offs
 * recorded before events carried it were approved from a pending request.
 */
async function closedFrom(tx: Tx, denialId: string, closed: DenialStatus): Promise<DenialStatus | null> {
  const events = await tx.denialEvent.findMany({
    where: { denialId, type: { in: ['status', 'payment', 'write_off'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 20,
    select: { type: true, data: true },
  });
  for (const e of events) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const closing = e.type === 'write_off' ? closed === 'written_off' && (data.decision === 'approved' || data.status === 'approved') : data.to === closed;
    if (closing) return asStatus(data.from) ?? (e.type === 'write_off' ? 'writeoff_pending' : null);
  }
  return null;
}

/**
 * A manager reopens a closed denial (closed by mistake, or a later remit reversed the payment), with a reason.
 * It goes back to the open status it was closed from; the recovery and write-off stay on the timeline.
 */
export async function reopenDenial(actor: Actor, input: ReopenDenialInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'reopen_denial', async (denial, { tx }) => {
    if (isOpen(denial.status)) return fail('invalid_input', 'This denial is open: there is nothing to reopen.');
    const to = reopenStatus(await closedFrom(tx, denial.id, denial.status), denial.ownerId !== null);
    return {
      data: { status: to, resolvedAt: null },
      events: [{ type: 'reopened', note: input.reason, data: { from: denial.status, to } }],
      audit: { action: 'denial.reopen', details: { from: denial.status, to, reason: input.reason } },
      rescore: true,
    };
  });
}
