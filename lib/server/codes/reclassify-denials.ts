import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { NOT_A_DENIAL_REASON } from '@/lib/domain/reclassify';
import { audit, systemActor } from '../audit';
import { db, pool } from '../db';
import { readScoreInputs, scoreOne, writeScores } from '../scoring/score-denials';
import { loadScoringContext } from '../scoring/scoring-context';
import { reclassifications } from './count-reclassification';
import { loadCodeMapping } from './load-code-mapping';

interface ChangeRow {
  groupCode: string;
  carcCode: string;
  actorId: string | null;
  actorEmail: string | null;
}

/**
 * The job a saved mapping change starts: re-classifies the open denials of its group + CARC with the mapping
 * as it is now (so two quick changes to one code end where the last one says), rescores those that moved,
 * and flags — never closes — those that are no longer denials. Closed denials keep the classification they
 * were resolved under. Each batch is its own statement, so the queue is never locked as a whole.
 */
export async function reclassifyDenials(changeId: string, today: IsoDate): Promise<{ moved: number; flagged: number } | null> {
  const { rows } = await pool.query<ChangeRow>(
    `UPDATE code_mapping_change SET "jobStatus" = 'running', "startedAt" = now(), "jobError" = NULL
      WHERE id = $1 AND "jobStatus" IN ('queued', 'failed') RETURNING "groupCode", "carcCode", "actorId", "actorEmail"`,
    [changeId],
  );
  const change = rows[0];
  if (!change) return null; // already run (pg-boss may deliver a job twice)
  try {
    const counts = await apply(changeId, change, today);
    await pool.query(`UPDATE code_mapping_change SET "jobStatus" = 'done', "movedCount" = $2, "flaggedCount" = $3, "finishedAt" = now() WHERE id = $1`, [changeId, counts.moved, counts.flagged]);
    await audit(systemActor(change.actorEmail, 'reclassify-job', { id: change.actorId }), {
      action: 'code_mapping.reclassified',
      entityType: 'code_mapping_change',
      entityId: changeId,
      details: { group: change.groupCode, carc: change.carcCode, ...counts },
    });
    return counts;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await pool.query(`UPDATE code_mapping_change SET "jobStatus" = 'failed', "jobError" = $2, "finishedAt" = now() WHERE id = $1`, [changeId, message.slice(0, 500)]);
    throw error;
  }
}

async function apply(changeId: string, change: ChangeRow, today: IsoDate) {
  const mapping = await loadCodeMapping(pool);
  const context = await loadScoringContext(db, today);
  let moved = 0;
  let flagged = 0;
  for await (const batch of reclassifications(mapping, change.groupCode, change.carcCode)) {
    const move = batch.flatMap(({ candidate, result }) => (result.kind === 'moved' ? [{ id: candidate.id, from: candidate.stored, to: result }] : []));
    const flag = batch.flatMap(({ candidate, result }) => (result.kind === 'not_a_denial' ? [{ id: candidate.id, from: candidate.stored }] : []));
    if (move.length === 0 && flag.length === 0) continue;
    await pool.query(
      `UPDATE denial d SET category = m.category, department = m.department, avoidable = m.avoidable, "reviewReason" = NULL,
              version = d.version + 1, "updatedAt" = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[]) AS m(id, category, department, avoidable) WHERE d.id = m.id`,
      [move.map((m) => m.id), move.map((m) => m.to.category), move.map((m) => m.to.department), move.map((m) => m.to.avoidable)],
    );
    await pool.query(`UPDATE denial SET "reviewReason" = $2, version = version + 1, "updatedAt" = now() WHERE id = ANY($1::uuid[])`, [flag.map((f) => f.id), NOT_A_DENIAL_REASON]);
    // The timeline says why the category changed or why the denial asks for review.
    const events = [
      ...move.map((m) => ({ id: m.id, note: null as string | null, data: { changeId, from: m.from, to: m.to } })),
      ...flag.map((f) => ({ id: f.id, note: NOT_A_DENIAL_REASON, data: { changeId, from: f.from, notADenial: true } })),
    ];
    await pool.query(
      `INSERT INTO denial_event (id, "denialId", "actorId", type, note, data)
       SELECT gen_random_uuid(), e.id, $2::uuid, 'reclassified', e.note, e.data FROM unnest($1::uuid[], $3::text[], $4::jsonb[]) AS e(id, note, data)`,
      [events.map((e) => e.id), change.actorId, events.map((e) => e.note), events.map((e) => JSON.stringify(e.data))],
    );
    // Likelihood and effort are per category: a moved denial's score is stale.
    const ids = move.map((m) => m.id);
    if (ids.length > 0) await writeScores(db, (await readScoreInputs(db, ids)).map((input) => scoreOne(input, context)));
    moved += move.length;
    flagged += flag.length;
  }
  return { moved, flagged };
}
