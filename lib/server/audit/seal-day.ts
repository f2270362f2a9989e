import 'server-only';
import type pg from 'pg';
import { SEAL_ACTION, SEAL_ENTITY } from '@/lib/domain/audit-chain';
import { addDays } from '@/lib/domain/dates';
import { audit, systemActor } from '../audit';
import { verifyAuditChain } from './verify-chain';

export type SealOutcome = { sealed: true; root: string; chains: number; events: number } | { sealed: false; why: string };

/**
 * Seals a closed UTC day (docs/decisions/0032-audit-chain.md): checks its chains and appends an `audit.seal` event
 * recording the day's root hash. Removing the last events of one of its chains later leaves every remaining link
 * intact, but changes the root, and audit:verify compares. A day whose chains do not verify is not sealed: the
 * job logs the first broken link instead. Sealing a day twice records the same root twice, harmlessly.
 */
export async function sealAuditDay(client: pg.ClientBase, day: string): Promise<SealOutcome> {
  const result = await verifyAuditChain(client, { since: day, until: addDays(day, 1) });
  if (!result.ok) {
    const b = result.firstBroken!;
    return { sealed: false, why: `event ${b.id} (chain ${b.chain} seq ${b.seq}): ${b.reason}, ${b.detail}` };
  }
  const summary = result.days.find((d) => d.day === day);
  if (!summary) return { sealed: false, why: 'no events that day' };
  await audit(
    systemActor(null, 'overturn-audit-job'),
    { action: SEAL_ACTION, entityType: SEAL_ENTITY, entityId: day, details: { root: summary.root, chains: summary.chains, events: summary.events } },
    client,
  );
  return { sealed: true, root: summary.root, chains: summary.chains, events: summary.events };
}
