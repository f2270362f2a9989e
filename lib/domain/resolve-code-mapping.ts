// What one group + CARC (+ RARC) combination means now, and where that answer comes from: the admin page's
// "current" column and the before/after of every change. Asks categorizeAdjustment itself, so the page can
// never disagree with ingest.
import { categorizeAdjustment } from './categorize';
import type { CodeMapping } from './code-mapping';
import { type MappingSource, findOverride, isOverridableGroup, overrideSource } from './code-overrides';
import type { DenialCategory, Department } from './codes';

export interface ResolvedMapping {
  category: DenialCategory;
  department: Department;
  avoidable: boolean;
  isDenial: boolean;
  source: MappingSource;
}

export function resolveCodeMapping(mapping: CodeMapping, group: string, carc: string, rarc: string | null): ResolvedMapping {
  const remarks = rarc ? [rarc] : [];
  const result = categorizeAdjustment({ group, reason: carc, amountCents: 0 }, remarks, mapping);
  const override = mapping.overrides && isOverridableGroup(result.group) ? findOverride(mapping.overrides, result.group, result.reason, remarks) : undefined;
  return {
    category: result.category,
    department: result.department,
    avoidable: result.avoidable,
    isDenial: result.kind === 'denial',
    source: overrideSource(override),
  };
}
