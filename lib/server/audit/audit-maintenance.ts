import 'server-only';
import { addDays } from '@/lib/domain/dates';
import { checkOut } from '../db';
import { ensureAuditPartitions } from './audit-partitions';
import { sealAuditDay } from './seal-day';

/** The daily audit job (lib/server/scoring/jobs.ts): partitions ahead, then yesterday (UTC) sealed. Says what it did. */
export async function runAuditMaintenance(now = new Date()): Promise<string> {
  const client = await checkOut();
  try {
    const made = await ensureAuditPartitions(client);
    const yesterday = addDays(now.toISOString().slice(0, 10), -1);
    const seal = await sealAuditDay(client, yesterday);
    const sealed = seal.sealed
      ? `${yesterday} sealed (${seal.events} events in ${seal.chains} chains, root ${seal.root})`
      : `${yesterday} NOT sealed: ${seal.why}`;
    if (!seal.sealed && seal.why !== 'no events that day') console.error(`[jobs] audit chain problem: ${sealed}`);
    return `${made} partition(s) made; ${sealed}`;
  } finally {
    client.release();
  }
}
