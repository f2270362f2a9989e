import 'server-only';
import { z } from 'zod';
import type { Db, Tx } from '../db';

/** The Setting that says above which amount a write-off needs a manager's approval (design.md). */
export const WRITE_OFF_THRESHOLD_KEY = 'writeoff.approvalThresholdCents';
/** Until a manager sets it: $500. */
export const DEFAULT_WRITE_OFF_THRESHOLD_CENTS = 50_000;

const stored = z.number().int().min(0);

export async function writeOffThresholdCents(client: Db | Tx): Promise<number> {
  const setting = await client.setting.findUnique({ where: { key: WRITE_OFF_THRESHOLD_KEY } });
  const parsed = stored.safeParse(setting?.value);
  return parsed.success ? parsed.data : DEFAULT_WRITE_OFF_THRESHOLD_CENTS;
}

/** The threshold a payer's write-offs answer to: its own when a manager set one, else the global Setting. */
export async function payerWriteOffThresholdCents(client: Db | Tx, payerId: string): Promise<number> {
  const payer = await client.payer.findUnique({ where: { id: payerId }, select: { writeOffThresholdCents: true } });
  return payer?.writeOffThresholdCents != null ? Number(payer.writeOffThresholdCents) : writeOffThresholdCents(client);
}
