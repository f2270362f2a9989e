// Letter templates on the wire: what the templates screen reads and what a save sends. The body rules live here
// so the editor shows the same refusal (unknown merge fields, by name) before the server gives it.
import { z } from 'zod';
import { templateFields } from '../appeals/letter-merge';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '../appeals/template-categories';
import { plainText } from './text';

export const MAX_TEMPLATE_BODY = 20_000;

/** Why a body cannot be saved (empty, unknown merge fields), or [] — length and control characters aside. */
export function templateBodyProblems(body: string): string[] {
  if (body.trim() === '') return ['Write the letter: a template cannot be empty'];
  const { unknown } = templateFields(body);
  if (unknown.length === 0) return [];
  return [`Unknown merge field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} — use a field from the list`];
}

export const templateBody = plainText(z.string().max(MAX_TEMPLATE_BODY, `At most ${MAX_TEMPLATE_BODY.toLocaleString('en-US')} characters`), 'multi-line').superRefine((body, ctx) => {
  for (const message of templateBodyProblems(body)) ctx.addIssue({ code: 'custom', message });
});

export const templateName = plainText(z.string().trim().min(1, 'Name the template').max(120, 'At most 120 characters'));

export const createTemplateInput = z.object({
  category: z.enum(TEMPLATE_CATEGORIES, 'Choose a category'),
  name: templateName,
  body: templateBody,
});
export type CreateTemplateInput = z.input<typeof createTemplateInput>;

export const saveTemplateVersionInput = z.object({
  templateId: z.uuid(),
  /** The template's version (concurrency) the editor read. */
  version: z.number().int().min(0),
  body: templateBody,
});
export type SaveTemplateVersionInput = z.input<typeof saveTemplateVersionInput>;

export const setTemplateArchivedInput = z.object({
  templateId: z.uuid(),
  version: z.number().int().min(0),
  archived: z.boolean(),
});
export type SetTemplateArchivedInput = z.input<typeof setTemplateArchivedInput>;

export interface TemplateSummaryDto {
  id: string;
  category: TemplateCategory;
  name: string;
  archived: boolean;
  currentVersion: number;
  version: number;
  updatedAt: string;
  /** Who wrote the current version; null = the starter set. */
  updatedBy: string | null;
}

export interface TemplateVersionDto {
  version: number;
  body: string;
  createdAt: string;
  /** null = the starter set shipped with Overturn. */
  createdBy: string | null;
}

export interface TemplateDetailDto extends TemplateSummaryDto {
  /** Newest first. */
  versions: TemplateVersionDto[];
  /** What the server says this viewer may do: edit, add versions, archive. */
  canEdit: boolean;
}

/** Who wrote a version, as the history shows it. */
export const versionAuthor = (createdBy: string | null): string => createdBy ?? 'Overturn starter set';
