import 'server-only';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { mulberry32 } from '@/lib/domain/write-835';
import { CopyRows } from '../remits/copy-rows';
import type { DemoPerson } from './demo-work';

// The demo's paid-after-denial claims, told as the appeals that won them. demo-remits.ts pays some denials on a
// later file (an appeal won, a corrected claim paid); without this, every one of them looked like money that came
// back by itself, and the dashboard's "overturn by appeal level" had nothing but "Not appealed". Most appealable
// ones get a level-1 appeal decided shortly before the payment; some lost at level 1 and won at level 2. The rest
// stay as they are: corrected claims the payer paid. Deterministic (its own seeded generator).

const DAY = 86_400_000;

interface ResolvedDenial {
  id: string;
  openedAt: Date;
  resolvedAt: Date;
  status: 'resolved_paid' | 'resolved_partial';
  recoveredCents: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function appealResolvedDemoDenials(client: pg.PoolClient, specialists: DemoPerson[]): Promise<{ appealed: number; secondLevel: number }> {
  const random = mulberry32(11);
  const { rows } = await client.query<ResolvedDenial>(
    `SELECT id, "openedAt", "resolvedAt", status::text AS status, "recoveredCents"::text AS "recoveredCents" FROM denial
     WHERE status IN ('resolved_paid', 'resolved_partial') AND appealable AND "resolvedAt" IS NOT NULL
       AND "patientControlNumber" LIKE 'DEMO%' ORDER BY "patientControlNumber"`,
  );
  const events = new CopyRows('denial_event', ['id', 'denialId', 'actorId', 'type', 'note', 'data', 'createdAt']);
  const appeals = new CopyRows('appeal', ['id', 'denialId', 'level', 'submittedAt', 'method', 'outcome', 'decidedAt', 'recoveredCents', 'payerReference', 'createdById']);
  const levels: { id: string; owner: DemoPerson; level: string }[] = [];
  let secondLevel = 0;

  for (const row of rows) {
    if (random() >= 0.7) continue;
    const owner = specialists[Math.floor(random() * specialists.length)]!;
    const opened = row.openedAt.getTime();
    const resolved = row.resolvedAt.getTime();
    const span = resolved - opened;
    // Too quick a payment for an appeal to have been written, sent and decided: a corrected claim, left alone.
    if (span < 12 * DAY) continue;
    const at = (share: number) => opened + Math.round(span * share);
    const twoLevels = span > 40 * DAY && random() < 0.2;
    const won = row.status === 'resolved_paid' ? 'overturned' : 'partially_overturned';
    const event = (type: string, data: object, when: number) =>
      events.add([randomUUID(), row.id, owner.id, type, null, JSON.stringify(data), new Date(when).toISOString()]);
    const method = () => (random() < 0.5 ? 'portal' : 'fax');
    const reference = () => `APL-${Math.floor(random() * 9_000_000 + 1_000_000)}`;

    event('assigned', { from: null, to: { id: owner.id, name: owner.name }, status: { from: 'new', to: 'assigned' } }, at(0.05));
    event('status', { from: 'assigned', to: 'in_progress', appealLevel: null }, at(0.1));
    const steps: { level: string; submitted: number; decided: number; decision: string; recovered: string }[] = twoLevels
      ? [
          { level: '1', submitted: at(0.2), decided: at(0.45), decision: 'upheld', recovered: '0' },
          { level: '2', submitted: at(0.55), decided: at(0.95), decision: won, recovered: row.recoveredCents },
        ]
      : [{ level: '1', submitted: at(0.3), decided: at(0.9), decision: won, recovered: row.recoveredCents }];
    let from = 'in_progress';
    for (const step of steps) {
      const how = method();
      const ref = reference();
      event('appeal', { action: 'submitted', appealLevel: step.level, from, to: 'appealed', on: isoDay(step.submitted), method: how, payerReference: ref, late: false }, step.submitted);
      const to = step.decision === 'upheld' ? 'in_progress' : row.status;
      event('appeal', { action: 'decided', appealLevel: step.level, decision: step.decision, on: isoDay(step.decided), recoveredCents: Number(step.recovered), from: 'appealed', to }, step.decided);
      appeals.add([randomUUID(), row.id, step.level, isoDay(step.submitted), how, step.decision, isoDay(step.decided), step.recovered, ref, owner.id]);
      from = to;
    }
    if (twoLevels) secondLevel++;
    levels.push({ id: row.id, owner, level: steps.at(-1)!.level });
  }

  for (const table of [events, appeals]) await table.copy(client);
  await client.query(
    `UPDATE denial d SET "appealLevel" = u.level, "ownerId" = u.owner, "teamId" = coalesce(u.team, d."teamId"), version = d.version + 1
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[]) AS u(id, level, owner, team)
     WHERE d.id = u.id`,
    [levels.map((l) => l.id), levels.map((l) => l.level), levels.map((l) => l.owner.id), levels.map((l) => l.owner.teamId)],
  );
  return { appealed: levels.length, secondLevel };
}
