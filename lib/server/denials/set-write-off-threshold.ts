import 'server-only';
import { z } from 'zod';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { WRITE_OFF_THRESHOLD_KEY, writeOffThresholdCents } from './write-off-threshold';

export const setWriteOffThresholdInput = z.object({ cents: z.number().int().min(0).max(100_000_000) });
export type SetWriteOffThresholdInput = z.infer<typeof setWriteOffThresholdInput>;

/** Managers set above which amount a write-off waits for their approval. */
export async function setWriteOffThreshold(actor: Actor, input: SetWriteOffThresholdInput): Promise<Result<{ cents: number }>> {
  if (!can(actor, 'manage_payer_rules')) return fail('forbidden', 'Only managers set the write-off approval threshold.');
  await db.$transaction(async (tx) => {
    const before = await writeOffThresholdCents(tx);
    await tx.setting.upsert({ where: { key: WRITE_OFF_THRESHOLD_KEY }, create: { key: WRITE_OFF_THRESHOLD_KEY, value: input.cents }, update: { value: input.cents } });
    await audit(actor, { action: 'setting.update', entityType: 'setting', entityId: WRITE_OFF_THRESHOLD_KEY, details: { before, after: input.cents } }, tx);
  });
  return { ok: true, data: { cents: input.cents } };
}
