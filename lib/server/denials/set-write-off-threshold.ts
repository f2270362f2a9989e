import 'server-only';
import { z } from 'zod';
import { enteredAmount } from '@/lib/domain/contracts/amount';
import { MAX_WRITE_OFF_THRESHOLD_CENTS } from '@/lib/domain/money';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { WRITE_OFF_THRESHOLD_KEY, writeOffThresholdCents } from './write-off-threshold';

/** Up to $1,000,000; typed as text, parsed into cents (contracts/amount.ts). */
export const setWriteOffThresholdInput = z.object({ threshold: enteredAmount(MAX_WRITE_OFF_THRESHOLD_CENTS) });
export type SetWriteOffThresholdInput = z.infer<typeof setWriteOffThresholdInput>;

/** Managers set above which amount a write-off waits for their approval. */
export async function setWriteOffThreshold(actor: Actor, input: SetWriteOffThresholdInput): Promise<Result<{ cents: number }>> {
  if (!can(actor, 'manage_payer_rules')) return fail('forbidden', 'Only managers set the write-off approval threshold.');
  const cents = input.threshold;
  await db.$transaction(async (tx) => {
    const before = await writeOffThresholdCents(tx);
    await tx.setting.upsert({ where: { key: WRITE_OFF_THRESHOLD_KEY }, create: { key: WRITE_OFF_THRESHOLD_KEY, value: cents }, update: { value: cents } });
    await audit(actor, { action: 'setting.update', entityType: 'setting', entityId: WRITE_OFF_THRESHOLD_KEY, details: { before, after: cents } }, tx);
  });
  return { ok: true, data: { cents } };
}
