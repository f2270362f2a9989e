import 'server-only';
import { categorizeClaim } from '@/lib/domain/categorize-claim';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import { type Reclassification, type ReclassifyTally, reclassify, tally } from '@/lib/domain/reclassify';
import { type Candidate, openCandidates } from './open-candidates';

/** Each open denial of group + CARC with what `mapping` would make of it. */
export async function* reclassifications(mapping: CodeMapping, group: string, carc: string): AsyncGenerator<{ candidate: Candidate; result: Reclassification }[]> {
  for await (const batch of openCandidates(group, carc)) {
    yield batch.map((candidate) => ({ candidate, result: reclassify(candidate.stored, categorizeClaim(candidate.claim, mapping)) }));
  }
}

/** How many open denials `mapping` would move or flag: the preview a save must confirm. */
export async function countReclassification(mapping: CodeMapping, group: string, carc: string): Promise<ReclassifyTally & { count: number }> {
  let moved = 0;
  let flagged = 0;
  for await (const batch of reclassifications(mapping, group, carc)) {
    const t = tally(batch.map(({ result }) => result));
    moved += t.moved;
    flagged += t.flagged;
  }
  return { moved, flagged, count: moved + flagged };
}
