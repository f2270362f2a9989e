// The code-mapping admin's wire shapes (app/(app)/admin/codes): combinations, previews, changes and their jobs.
import { z } from 'zod';
import { OVERRIDABLE_GROUPS } from '../code-overrides';
import { DENIAL_CATEGORIES, DEPARTMENTS, type DenialCategory, type Department } from '../codes';
import type { MappingSource, OverridableGroup } from '../code-overrides';

export interface ClassificationDto {
  category: DenialCategory;
  department: Department;
  avoidable: boolean;
  isDenial: boolean;
  source: MappingSource;
}

export interface CodeCombinationDto {
  group: OverridableGroup;
  carc: string;
  rarc: string | null;
  carcDescription: string;
  rarcDescription: string | null;
  current: ClassificationDto;
  /** What the shipped catalogue says, without any override: what "Remove override" goes back to. */
  shipped: ClassificationDto;
  /** The override's version, 0 when the combination has none of its own. */
  overrideVersion: number;
}

export interface ReclassifyPreviewDto {
  /** Open denials whose category, department or avoidable flag would change. */
  moved: number;
  /** Open denials the change would make "not a denial": flagged for review, not closed. */
  flagged: number;
  /** moved + flagged: what a save must confirm. */
  count: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface CodeMappingChangeDto {
  id: string;
  group: string;
  carc: string;
  rarc: string | null;
  action: 'set' | 'remove';
  before: Omit<ClassificationDto, 'source'> & { source?: MappingSource };
  after: Omit<ClassificationDto, 'source'> & { source?: MappingSource };
  previewCount: number;
  actorEmail: string | null;
  at: string;
  jobStatus: JobStatus;
  movedCount: number | null;
  flaggedCount: number | null;
  jobError: string | null;
  finishedAt: string | null;
}

const code = (label: string, pattern: RegExp) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(pattern, `Not a ${label}`);

/** One combination: an overridable group, a CARC and, for the more specific override, a RARC. */
export const combinationInput = z.object({
  group: z.enum(OVERRIDABLE_GROUPS, { error: 'Only CO, OA and PI adjustments can be re-mapped: PR is always the patient\'s share, CR a reversal.' }),
  carc: code('CARC', /^[A-Z]?\d{1,3}[A-Z]?$/),
  rarc: code('RARC', /^[A-Z]{1,2}\d{1,4}$/).nullable(),
});
export type CombinationInput = z.infer<typeof combinationInput>;

export const classificationInput = z.object({
  category: z.enum(DENIAL_CATEGORIES, { error: 'Choose a category' }),
  department: z.enum(DEPARTMENTS, { error: 'Choose a department' }),
  avoidable: z.boolean(),
  isDenial: z.boolean(),
});

/** Preview: what saving `classification` (or, null, removing the override) would reclassify. */
export const previewCodeMappingInput = combinationInput.extend({ classification: classificationInput.nullable() });
export type PreviewCodeMappingInput = z.infer<typeof previewCodeMappingInput>;

export const saveCodeMappingInput = previewCodeMappingInput.extend({
  /** The count the admin saw and confirmed: refused when the denials have changed since. */
  confirmedCount: z.number().int().min(0),
  /** The override version the preview was made against (0: none). */
  version: z.number().int().min(0),
});
export type SaveCodeMappingInput = z.infer<typeof saveCodeMappingInput>;

export const searchCodeMappingsInput = z.object({ q: z.string().trim().max(60, 'At most 60 characters') });
