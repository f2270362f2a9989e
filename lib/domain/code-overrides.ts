// The organisation's own classification of a group + CARC (+ RARC) combination, layered over the shipped
// mapping (code-mapping.ts). Most specific wins: group+CARC+RARC, then group+CARC, then the shipped mapping
// (docs/decisions/0029-code-mapping-overrides.md).
import type { DenialCategory, Department } from './codes';

export interface CodeOverride {
  group: string;
  carc: string;
  /** null: applies whatever the remark codes say. */
  rarc: string | null;
  category: DenialCategory;
  department: Department;
  avoidable: boolean;
  isDenial: boolean;
}

/**
 * Only CO, OA and PI can be overridden: any PR adjustment is the patient's to pay and a CR one undoes an
 * earlier decision (design.md "What a denial is") — rules, not data.
 */
export const OVERRIDABLE_GROUPS = ['CO', 'OA', 'PI'] as const;
export type OverridableGroup = (typeof OVERRIDABLE_GROUPS)[number];

export function isOverridableGroup(group: string): group is OverridableGroup {
  return (OVERRIDABLE_GROUPS as readonly string[]).includes(group);
}

export type OverrideIndex = ReadonlyMap<string, CodeOverride>;

export function overrideKey(group: string, carc: string, rarc: string | null): string {
  return rarc ? `${group}-${carc}/${rarc}` : `${group}-${carc}`;
}

export function buildOverrideIndex(overrides: Iterable<CodeOverride>): OverrideIndex {
  return new Map([...overrides].map((o) => [overrideKey(o.group, o.carc, o.rarc), o]));
}

/**
 * The override for one adjustment. `remarks` are in the order that applies to it (the line's LQ codes, then
 * the claim's): the first remark with its own override wins, so the answer never depends on map order.
 */
export function findOverride(index: OverrideIndex, group: string, carc: string, remarks: readonly string[]): CodeOverride | undefined {
  if (index.size === 0) return undefined;
  for (const remark of remarks) {
    const specific = index.get(overrideKey(group, carc, remark));
    if (specific) return specific;
  }
  return index.get(overrideKey(group, carc, null));
}

/** Where a combination's classification comes from, most specific first. */
export type MappingSource = 'override_rarc' | 'override' | 'shipped';

export function overrideSource(override: CodeOverride | undefined): MappingSource {
  if (!override) return 'shipped';
  return override.rarc ? 'override_rarc' : 'override';
}
