import 'server-only';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DEFAULT_STATUS_CHECK_DAYS } from '@/lib/domain/appeals/appeal-chain';
import { type IsoDate, addDays, diffDays } from '@/lib/domain/dates';
import type { DenialStatus } from '@/lib/domain/lifecycle';
import type { PayerType } from '@/lib/domain/payer-rules';
import { mulberry32 } from '@/lib/domain/write-835';
import { writeOffReasonText } from '@/lib/domain/write-off-reasons';
import { CopyRows } from '../remits/copy-rows';
import { DEMO_WRITE_OFF_REASONS } from './demo-write-offs';

// Work already under way on the demo denials, as a team a few months into using Overturn would have it:
// recent denials mostly untouched, older ones assigned, worked, appealed, resubmitted or written off, with a
// timeline of who did what and when. Every state is one the lifecycle allows (lib/domain/lifecycle.ts), each
// reached through the transitions that lead to it. Deterministic for a given "today".

export interface DemoPerson {
  id: string;
  name: string;
  teamId: string | null;
}

interface OpenDenial {
  id: string;
  openedAt: Date;
  ageDays: number;
  appealable: boolean;
  deniedCents: number;
  payerType: string;
}

const NOTES = [
  'Called the payer: the records request went to the wrong fax. Resent 14 pages with the cover sheet.',
  'Authorization was on file (ref 88213); sent the approval letter with the appeal.',
  'Patient had new coverage from March; updated registration and billed the other plan.',
  'Coder reviewed: modifier 25 supported by the note. Corrected claim sent.',
  'Payer rep says reprocessing in 30 days; reference 4471-22.',
  'Asked the clinic for the operative report before filing the appeal.',
  'Units match the time documented (4 × 15 min); appeal with the therapy notes.',
  'Timely filing: clearinghouse acceptance report shows submission on day 41; attached.',
];


interface Plan {
  status: DenialStatus;
  owner: DemoPerson | null;
  followUp: IsoDate | null;
  escalated: boolean;
  appealLevel: string | null;
}

type Random = () => number;

function choose(random: Random, weights: [DenialStatus, number][]): DenialStatus {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [status, weight] of weights) if ((roll -= weight) < 0) return status;
  return weights[0]![0];
}

/** Older work is further along; a denial that cannot be appealed (MA130 ...) is corrected and resubmitted instead. */
function finalStatus(random: Random, denial: OpenDenial): DenialStatus {
  const untouched = denial.ageDays < 10 ? 0.75 : denial.ageDays < 30 ? 0.35 : 0.12;
  if (random() < untouched) return 'new';
  const weights: [DenialStatus, number][] =
    denial.ageDays < 20
      ? [['assigned', 45], ['in_progress', 45], ['pending_info', 10]]
      : denial.ageDays < 60
        ? [['assigned', 15], ['in_progress', 35], ['pending_info', 10], ['appealed', 30], ['corrected_resubmitted', 10]]
        : [['in_progress', 20], ['pending_info', 8], ['appealed', 40], ['corrected_resubmitted', 10], ['writeoff_pending', 8], ['written_off', 14]];
  const status = choose(random, weights);
  return status === 'appealed' && !denial.appealable ? 'corrected_resubmitted' : status;
}

export async function spreadDemoWork(client: pg.PoolClient, today: IsoDate, people: { specialists: DemoPerson[]; manager: DemoPerson }): Promise<{ worked: number; events: number }> {
  const random = mulberry32(7);
  const lostAppeal = mulberry32(13);
  const now = Date.now();
  const { rows } = await client.query<{ id: string; openedAt: Date; notice: string; appealable: boolean; deniedCents: string; payerType: string }>(
    `SELECT d.id, d."openedAt", coalesce(d."noticeDate", d."openedAt"::date)::text AS notice, d.appealable, d."deniedCents"::text AS "deniedCents", p."payerType"::text AS "payerType"
     FROM denial d JOIN payer p ON p.id = d."payerId"
     WHERE d.status = 'new' AND d."patientControlNumber" LIKE 'DEMO%' ORDER BY d."patientControlNumber"`,
  );
  const events = new CopyRows('denial_event', ['id', 'denialId', 'actorId', 'type', 'note', 'data', 'createdAt']);
  const appeals = new CopyRows('appeal', ['id', 'denialId', 'level', 'submittedAt', 'dueDate', 'method', 'outcome', 'decidedAt', 'payerReference', 'statusCheckOn', 'createdById']);
  const writeOffs = new CopyRows('write_off', ['id', 'denialId', 'amountCents', 'reasonCode', 'reason', 'status', 'requestedById', 'requestedAt', 'decidedById', 'decidedAt', 'decisionNote']);
  const updates: { id: string; plan: Plan; resolvedAt: string | null; updatedAt: string }[] = [];
  const weightedOwners = [...Array(9).fill(people.specialists[0]), ...Array(7).fill(people.specialists[1]), ...Array(4).fill(people.specialists[2])] as DemoPerson[];

  for (const row of rows) {
    const denial: OpenDenial = { id: row.id, openedAt: row.openedAt, ageDays: diffDays(today, row.notice), appealable: row.appealable, deniedCents: Number(row.deniedCents), payerType: row.payerType };
    const status = finalStatus(random, denial);
    if (status === 'new') continue;
    const owner = weightedOwners[Math.floor(random() * weightedOwners.length)]!;
    // Event times walk forward from the import, never past now.
    let at = denial.openedAt.getTime();
    const step = (days: number) => {
      at = Math.min(now - 60_000, at + days * 86_400_000 * (0.5 + random()) + random() * 3_600_000);
      return new Date(at).toISOString();
    };
    const event = (actor: DemoPerson, type: string, data: object, note: string | null = null, when = step(1)) =>
      events.add([randomUUID(), denial.id, actor.id, type, note, JSON.stringify(data), when]);
    const selfAssigned = random() < 0.6;
    event(selfAssigned ? owner : people.manager, 'assigned', { from: null, to: { id: owner.id, name: owner.name }, status: { from: 'new', to: 'assigned' } });
    const plan: Plan = { status, owner, followUp: null, escalated: false, appealLevel: null };
    let resolvedAt: string | null = null;
    let sentAppeal: { on: string; method: string; reference: string | null } | null = null;
    if (status !== 'assigned') {
      event(owner, 'status', { from: 'assigned', to: 'in_progress', appealLevel: null });
      if (random() < 0.35) event(owner, 'note', {}, NOTES[Math.floor(random() * NOTES.length)]!, step(2));
    }
    if (status === 'pending_info' || status === 'appealed' || status === 'corrected_resubmitted') {
      const level = status === 'appealed' ? 1 : null;
      const when = step(4);
      event(owner, status === 'appealed' ? 'appeal' : 'status', { from: 'in_progress', to: status, appealLevel: level }, null, when);
      if (level) {
        plan.appealLevel = '1';
        const reference = random() < 0.7 ? `APL-${Math.floor(random() * 9_000_000 + 1_000_000)}` : null;
        sentAppeal = { on: when.slice(0, 10), method: random() < 0.5 ? 'portal' : 'fax', reference };
      }
    }
    if (status === 'writeoff_pending' || status === 'written_off') {
      // Some were appealed first and the payer upheld the denial; then the balance was written off. Its own
      // generator, so the rest of the demo's draws stay as they were.
      if (denial.appealable && lostAppeal() < 0.35) {
        const submitted = step(4);
        const decided = step(20);
        const how = lostAppeal() < 0.5 ? 'portal' : 'fax';
        event(owner, 'appeal', { action: 'submitted', appealLevel: '1', from: 'in_progress', to: 'appealed', on: submitted.slice(0, 10), method: how, late: false }, null, submitted);
        event(owner, 'appeal', { action: 'decided', appealLevel: '1', decision: 'upheld', on: decided.slice(0, 10), recoveredCents: 0, from: 'appealed', to: 'in_progress' }, null, decided);
        appeals.add([randomUUID(), denial.id, '1', submitted.slice(0, 10), null, how, 'upheld', decided.slice(0, 10), null, null, owner.id]);
        plan.appealLevel = '1';
      }
      const reason = DEMO_WRITE_OFF_REASONS[Math.floor(random() * DEMO_WRITE_OFF_REASONS.length)]!;
      const requested = step(6);
      event(owner, 'write_off', { amountCents: denial.deniedCents, status: 'writeoff_pending', reasonCode: reason.code }, writeOffReasonText(reason.code, reason.text), requested);
      const decided = status === 'written_off' ? step(3) : null;
      if (decided) {
        event(people.manager, 'write_off', { decision: 'approved', amountCents: denial.deniedCents }, null, decided);
        resolvedAt = decided;
      }
      writeOffs.add([randomUUID(), denial.id, denial.deniedCents, reason.code, reason.text, decided ? 'approved' : 'pending', owner.id, requested, decided ? people.manager.id : null, decided, null]);
    }
    if (status === 'in_progress' || status === 'pending_info' || status === 'appealed') {
      // Some follow-ups are already overdue: the queue shows them first.
      plan.followUp = addDays(today, -6 + Math.floor(random() * 28));
      event(owner, 'follow_up', { from: null, to: plan.followUp });
    }
    if (sentAppeal) {
      // As when a submission is recorded: the follow-up is the appeal's status check (some are already due).
      const statusCheckOn = plan.followUp ?? addDays(sentAppeal.on, DEFAULT_STATUS_CHECK_DAYS[denial.payerType as PayerType] ?? 30);
      appeals.add([randomUUID(), denial.id, '1', sentAppeal.on, null, sentAppeal.method, null, null, sentAppeal.reference, statusCheckOn, owner.id]);
    }
    // Escalations come with their reasons and rows from demo-escalations.ts.
    updates.push({ id: denial.id, plan, resolvedAt, updatedAt: new Date(at).toISOString() });
  }

  const eventCount = events.count;
  for (const table of [events, appeals, writeOffs]) await table.copy(client);
  const col = <T>(f: (u: (typeof updates)[number]) => T) => updates.map(f);
  await client.query(
    `UPDATE denial d SET status = u.status::"DenialStatus", "ownerId" = u.owner, "teamId" = coalesce(u.team, d."teamId"),
            "followUpDate" = u.follow_up, escalated = u.escalated, "escalatedAt" = CASE WHEN u.escalated THEN u.updated END,
            "appealLevel" = u.level, "resolvedAt" = u.resolved, "updatedAt" = u.updated, version = d.version + 1
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::date[], $6::bool[], $7::text[], $8::timestamptz[], $9::timestamptz[])
          AS u(id, status, owner, team, follow_up, escalated, level, resolved, updated)
     WHERE d.id = u.id`,
    [
      col((u) => u.id), col((u) => u.plan.status), col((u) => u.plan.owner?.id ?? null), col((u) => u.plan.owner?.teamId ?? null),
      col((u) => u.plan.followUp), col((u) => u.plan.escalated), col((u) => u.plan.appealLevel), col((u) => u.resolvedAt), col((u) => u.updatedAt),
    ],
  );
  return { worked: updates.length, events: eventCount };
}
