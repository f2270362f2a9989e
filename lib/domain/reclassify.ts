// What a mapping change does to one open denial: compares what is stored with what the classifier now says
// about its claim. The preview counts these and the job applies them, so the two cannot disagree.
import type { ClaimCategorization } from './categorize-claim';

export interface StoredClassification {
  category: string;
  department: string;
  avoidable: boolean;
  /** Already flagged for review (reviewReason set). */
  flagged: boolean;
}

export type Reclassification =
  | { kind: 'unchanged' }
  | { kind: 'moved'; category: string; department: string; avoidable: boolean }
  /** The mapping no longer calls the claim a denial: flagged for a person, never closed by the change. */
  | { kind: 'not_a_denial' };

export const NOT_A_DENIAL_REASON = 'A code-mapping change says this claim is no longer a denial. Review it: resolve or write it off if that is right.';

export function reclassify(stored: StoredClassification, next: Pick<ClaimCategorization, 'isWork' | 'category' | 'department' | 'avoidable'>): Reclassification {
  if (!next.isWork) return stored.flagged ? { kind: 'unchanged' } : { kind: 'not_a_denial' };
  const same = next.category === stored.category && next.department === stored.department && next.avoidable === stored.avoidable;
  // A flagged denial the mapping calls a denial again (an override removed) moves back and loses its flag.
  if (same && !stored.flagged) return { kind: 'unchanged' };
  return { kind: 'moved', category: next.category, department: next.department, avoidable: next.avoidable };
}

export interface ReclassifyTally {
  moved: number;
  flagged: number;
}

export function tally(results: Iterable<Reclassification>): ReclassifyTally {
  const out = { moved: 0, flagged: 0 };
  for (const r of results) {
    if (r.kind === 'moved') out.moved++;
    else if (r.kind === 'not_a_denial') out.flagged++;
  }
  return out;
}
