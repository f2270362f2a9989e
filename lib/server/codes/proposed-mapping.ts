import 'server-only';
import { type CodeMapping, withOverrides } from '@/lib/domain/code-mapping';
import { type CodeOverride, overrideKey } from '@/lib/domain/code-overrides';
import type { CombinationInput } from '@/lib/domain/contracts/code-mappings';
import type { PreviewCodeMappingInput } from '@/lib/domain/contracts/code-mappings';
import { pool } from '../db';
import { loadShippedMapping } from './load-code-mapping';
import { loadCodeOverrides } from './load-code-overrides';

export interface MappingPair {
  /** What ingest uses now. */
  current: CodeMapping;
  /** The same with this one combination set to the input's classification, or its override removed (null). */
  proposed: CodeMapping;
  /** The catalogue alone. */
  shipped: CodeMapping;
}

const keyOf = (c: CombinationInput) => overrideKey(c.group, c.carc, c.rarc);

export async function proposedMapping(input: PreviewCodeMappingInput): Promise<MappingPair> {
  const [shipped, overrides] = await Promise.all([loadShippedMapping(pool), loadCodeOverrides(pool)]);
  const others = overrides.filter((o) => overrideKey(o.group, o.carc, o.rarc) !== keyOf(input));
  const next: CodeOverride[] = input.classification ? [...others, { group: input.group, carc: input.carc, rarc: input.rarc, ...input.classification }] : others;
  return { shipped, current: withOverrides(shipped, overrides), proposed: withOverrides(shipped, next) };
}
