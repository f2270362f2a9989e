import 'server-only';
import { z } from 'zod';
import { appealStage } from '@/lib/domain/appeals/appeal-chain';
import { MAX_LETTER_BODY, draftAppealLetter, letterFilename, letterTitle } from '@/lib/domain/appeals/appeal-letter';
import { templateCategoriesFor, templateCategoryLabel } from '@/lib/domain/appeals/template-categories';
import type { MissingField } from '@/lib/domain/appeals/letter-merge';
import type { AppealLetterDto, AppealWorkspaceDto, LetterCheckDto } from '@/lib/domain/contracts/appeal-letters';
import { plainText } from '@/lib/domain/contracts/text';
import { isDenialCategory } from '@/lib/domain/codes';
import { levelName } from '@/lib/domain/deadline';
import { categoryLabel } from '@/lib/domain/labels';
import { parseAppealLevel } from '@/lib/domain/appeal-levels';
import { type Actor, can } from '@/lib/domain/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorizeRecord, authorizeRole } from '../authorize';
import { todayIso } from '../clock';
import { type Tx, db } from '../db';
import { AppError, type Result, fail } from '../errors';
import { denialRef } from '../denials/denial-ref';
import type { DenialStateDto } from '../denials/dto';
import { mutateDenial } from '../denials/mutate-denial';
import { DENIAL_NOT_FOUND } from '../denials/denial-ref';
import { loadPayerAppealRules, readAppeals, stepOf } from './appeal-records';
import { appealLetterDocument, letterheadOf } from './letter-document';
import { readOrganization } from '../organization/read-organization';
import { loadLetterFacts } from './letter-facts';
import { APPEAL_NOT_FOUND } from './submit-appeal';

// Appeal letters (docs/decisions/0020-appeal-letters.md): drafted from a template's current version merged with
// the appeal's facts (never with a blank: missing fields are reported by name), then edited by the specialist
// until the appeal goes to the payer. Every write runs through mutateDenial, so the denial's version, timeline and
// audit move with it; reads of the letter are PHI reads and audited.

const LETTER_SELECT = {
  id: true,
  version: true,
  title: true,
  body: true,
  templateId: true,
  createdAt: true,
  updatedAt: true,
  template: { select: { name: true } },
  templateVersion: { select: { version: true } },
  updatedBy: { select: { name: true } },
} satisfies Prisma.AppealLetterSelect;

type LetterRow = Prisma.AppealLetterGetPayload<{ select: typeof LETTER_SELECT }>;

const letterDto = (row: LetterRow): AppealLetterDto => ({
  id: row.id,
  version: row.version,
  title: row.title,
  body: row.body,
  templateId: row.templateId,
  templateName: row.template.name,
  templateVersion: row.templateVersion.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  updatedBy: row.updatedBy?.name ?? null,
});

const LOCKED = {
  submitted: 'This appeal has gone to the payer: its letter is kept as it was sent and can no longer be changed.',
  decided: 'The payer has decided this appeal: its letter is kept as it was sent and can no longer be changed.',
} as const;

/** Why the appeal's letter cannot change now, or null while it is a draft. */
function lockedReason(appeal: Parameters<typeof stepOf>[0]): string | null {
  const stage = appealStage(stepOf(appeal));
  return stage === 'draft' ? null : LOCKED[stage];
}

const missingMessage = (missing: MissingField[], unknown: string[]) =>
  [
    missing.length ? `Fill in before drafting: ${missing.map((m) => `${m.label} (${m.why})`).join('; ')}.` : null,
    unknown.length ? `The template names fields that do not exist: ${unknown.join(', ')} — a manager corrects it under Letter templates.` : null,
  ]
    .filter(Boolean)
    .join(' ');

// ---- Reads ----------------------------------------------------------------------------------------------------

/** The appeal of a denial the actor may `action`; another team's answers as a missing one does (404). */
async function scopedAppeal(actor: Actor, denialId: string, appealId: string) {
  authorizeRole(actor, 'view_denial', 'Your role does not include denial details.');
  const denial = await db.denial.findUnique({
    where: { id: denialId },
    select: { id: true, version: true, ownerId: true, teamId: true, payerId: true, category: true, patientName: true, patientControlNumber: true },
  });
  if (denial && !can(actor, 'view_denial', denial)) await audit(actor, { action: 'denial.read_refused', entityType: 'denial', entityId: denialId });
  authorizeRecord(actor, 'view_denial', denial, (d) => d, DENIAL_NOT_FOUND);
  const appeal = (await readAppeals(db, denial.id)).find((a) => a.id === appealId);
  if (!appeal) throw new AppError('not_found', APPEAL_NOT_FOUND);
  return { denial, appeal };
}

/** The appeal workspace: the appeal, its letter and the templates to draft from, with what the viewer may do. */
export async function getAppealWorkspace(actor: Actor, denialId: string, appealId: string): Promise<AppealWorkspaceDto> {
  const { denial, appeal } = await scopedAppeal(actor, denialId, appealId);
  const [payer, rules, letter, templates, organization] = await Promise.all([
    db.payer.findUniqueOrThrow({ where: { id: denial.payerId }, select: { name: true } }),
    loadPayerAppealRules(db, denial.payerId),
    db.appealLetter.findUnique({ where: { appealId }, select: LETTER_SELECT }),
    db.letterTemplate.findMany({ where: { archived: false }, orderBy: { name: 'asc' }, select: { id: true, name: true, category: true, currentVersion: true } }),
    readOrganization(db),
  ]);
  await audit(actor, { action: 'appeal.letter_read', entityType: 'denial', entityId: denial.id, phi: true, details: { appealId } });
  const offered = new Set<string>(isDenialCategory(denial.category) ? templateCategoriesFor(denial.category) : []);
  const step = stepOf(appeal);
  return {
    denial: {
      id: denial.id,
      version: denial.version,
      patientName: denial.patientName,
      claimNumber: denial.patientControlNumber,
      payerName: payer.name,
      categoryLabel: categoryLabel(denial.category),
    },
    appeal: {
      id: appeal.id,
      level: appeal.level,
      levelName: levelName(rules.rules, parseAppealLevel(appeal.level) ?? 1),
      stage: appealStage(step),
      dueDate: step.dueDate,
      submittedOn: step.submission?.on ?? null,
      decidedOn: step.outcome?.on ?? null,
    },
    letter: letter ? letterDto(letter) : null,
    letterhead: letterheadOf(organization),
    templates: templates
      .map((t) => ({ id: t.id, name: t.name, categoryLabel: templateCategoryLabel(t.category), currentVersion: t.currentVersion, offered: offered.has(t.category) }))
      .sort((a, b) => Number(b.offered) - Number(a.offered)),
    viewer: { canEdit: can(actor, 'edit_denial', denial), locked: lockedReason(appeal) },
  };
}

/** The letter of an appeal as a PDF to download, with a filename safe everywhere; 404 when it has no letter. */
export async function appealLetterPdf(actor: Actor, appealId: string): Promise<{ pdf: Uint8Array; filename: string }> {
  authorizeRole(actor, 'view_denial', 'Your role does not include denial details.');
  const row = await db.appeal.findUnique({ where: { id: appealId }, select: { denialId: true } });
  if (!row) throw new AppError('not_found', APPEAL_NOT_FOUND);
  const { denial, appeal } = await scopedAppeal(actor, row.denialId, appealId);
  const document = await appealLetterDocument(db, appeal.id);
  if (!document) throw new AppError('not_found', 'This appeal has no letter yet: draft it from a template first.');
  await audit(actor, { action: 'appeal.letter_pdf', entityType: 'denial', entityId: denial.id, phi: true, details: { appealId, templateName: document.templateName, templateVersion: document.templateVersion } });
  return { pdf: document.pdf, filename: letterFilename(denial.patientControlNumber, appeal.level) };
}

// ---- Checking a template before drafting ------------------------------------------------------------------------

export const checkLetterTemplateInput = z.object({ id: z.uuid(), appealId: z.uuid(), templateId: z.uuid() });
export type CheckLetterTemplateInput = z.infer<typeof checkLetterTemplateInput>;

const TEMPLATE_NOT_FOUND = 'This template does not exist or is archived: choose another.';

async function currentTemplate(tx: Tx, templateId: string) {
  const template = await tx.letterTemplate.findUnique({ where: { id: templateId }, select: { id: true, name: true, archived: true, currentVersion: true } });
  if (!template || template.archived) return null;
  const version = await tx.letterTemplateVersion.findUnique({ where: { templateId_version: { templateId, version: template.currentVersion } } });
  return version ? { ...template, version } : null;
}

/** Which fields the template would lack for this appeal, so they are fixed before drafting (no PHI is returned). */
export async function checkLetterTemplate(actor: Actor, input: CheckLetterTemplateInput): Promise<Result<LetterCheckDto>> {
  try {
    authorizeRole(actor, 'edit_denial', 'Your role does not allow this change.');
    const { denial, appeal } = await scopedAppeal(actor, input.id, input.appealId);
    if (!can(actor, 'edit_denial', denial)) return fail('forbidden', 'Your role does not allow this change to this denial.');
    const template = await currentTemplate(db, input.templateId);
    if (!template) return fail('not_found', TEMPLATE_NOT_FOUND);
    const facts = await db.$transaction((tx) => loadLetterFacts(tx, { appealId: appeal.id, signerId: actor.id, today: todayIso() }));
    const merged = draftAppealLetter(template.version.body, facts);
    return { ok: true, data: merged.ok ? { missing: [], unknown: [] } : { missing: merged.missing, unknown: merged.unknown } };
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    throw error;
  }
}

// ---- Drafting -------------------------------------------------------------------------------------------------

export const draftLetterInput = z.object({
  ...denialRef,
  appealId: z.uuid(),
  templateId: z.uuid(),
  /** The appeal has a letter already: the user confirmed it is to be replaced. */
  replace: z.boolean().optional(),
});
export type DraftLetterInput = z.infer<typeof draftLetterInput>;

export interface LetterChangeDto {
  denial: DenialStateDto;
  letter: AppealLetterDto;
}

/**
 * Merges the template's current version with the appeal's facts, signed by the actor, and stores it as the
 * appeal's letter. A field with no value refuses the draft (422, each field by its label, in details.missing).
 */
export async function draftLetter(actor: Actor, input: DraftLetterInput): Promise<Result<LetterChangeDto>> {
  const out: { letter?: LetterRow } = {};
  const result = await mutateDenial(actor, input, 'edit_denial', async (denial, { tx, today }) => {
    const appeal = (await readAppeals(tx, denial.id)).find((a) => a.id === input.appealId);
    if (!appeal) return fail('not_found', APPEAL_NOT_FOUND);
    const locked = lockedReason(appeal);
    if (locked) return fail('invalid_input', locked);
    const existing = await tx.appealLetter.findUnique({ where: { appealId: appeal.id }, select: { id: true } });
    if (existing && !input.replace) {
      return fail('conflict', 'This appeal already has a letter: drafting again replaces it and its edits. Confirm to replace it.', { details: { replace: true } });
    }
    const template = await currentTemplate(tx, input.templateId);
    if (!template) return fail('not_found', TEMPLATE_NOT_FOUND);
    const facts = await loadLetterFacts(tx, { appealId: appeal.id, signerId: actor.id, today });
    const merged = draftAppealLetter(template.version.body, facts);
    if (!merged.ok) return fail('invalid_input', missingMessage(merged.missing, merged.unknown), { details: { missing: merged.missing, unknown: merged.unknown } });
    const title = letterTitle(facts.claim.number, facts.appeal.levelName);
    const what = { appealId: appeal.id, level: appeal.level, templateId: template.id, template: template.name, templateVersion: template.version.version };
    return {
      data: {},
      events: [{ type: 'appeal', data: { action: 'letter_drafted', ...what, replaced: existing !== null } }],
      audit: { action: 'appeal.letter_draft', details: { ...what, replaced: existing !== null } },
      after: async (t) => {
        const fields = { templateId: template.id, templateVersionId: template.version.id, title, body: merged.text, updatedById: actor.id };
        out.letter = await t.appealLetter.upsert({
          where: { appealId: appeal.id },
          create: { appealId: appeal.id, createdById: actor.id, ...fields },
          update: { ...fields, createdById: actor.id, createdAt: new Date(), version: { increment: 1 } },
          select: LETTER_SELECT,
        });
      },
    };
  });
  if (!result.ok) return result;
  return { ok: true, data: { denial: result.data, letter: letterDto(out.letter!) } };
}

// ---- Editing --------------------------------------------------------------------------------------------------

export const saveLetterInput = z.object({
  ...denialRef,
  appealId: z.uuid(),
  letterVersion: z.number().int().min(1),
  body: plainText(z.string().max(MAX_LETTER_BODY, `A letter holds at most ${MAX_LETTER_BODY.toLocaleString('en-US')} characters`), 'multi-line').refine(
    (text) => text.trim() !== '',
    'A letter cannot be empty',
  ),
});
export type SaveLetterInput = z.infer<typeof saveLetterInput>;

export const LETTER_STALE = 'Someone else saved this letter while you were editing it. Your text was not saved: copy what you changed, reload, and apply it to the latest version.';

/** Stores the specialist's edit of a draft appeal's letter; an edit based on an older version is refused (409). */
export async function saveLetter(actor: Actor, input: SaveLetterInput): Promise<Result<LetterChangeDto>> {
  const out: { letter?: LetterRow } = {};
  const result = await mutateDenial(actor, input, 'edit_denial', async (denial, { tx }) => {
    const appeal = (await readAppeals(tx, denial.id)).find((a) => a.id === input.appealId);
    if (!appeal) return fail('not_found', APPEAL_NOT_FOUND);
    const locked = lockedReason(appeal);
    if (locked) return fail('invalid_input', locked);
    const current = await tx.appealLetter.findUnique({ where: { appealId: appeal.id }, select: LETTER_SELECT });
    if (!current) return fail('not_found', 'This appeal has no letter yet: draft it from a template first.');
    if (current.version !== input.letterVersion) return fail('conflict', LETTER_STALE, { details: { letter: letterDto(current), stale: true } });
    const what = { appealId: appeal.id, letterVersion: current.version + 1, characters: input.body.length };
    return {
      data: {},
      events: [{ type: 'appeal', data: { action: 'letter_edited', appealId: appeal.id, level: appeal.level, letterVersion: what.letterVersion } }],
      audit: { action: 'appeal.letter_edit', details: what },
      after: async (t) => {
        // The letter's own version guards the text as the denial's guards the denial (same transaction).
        const { count } = await t.appealLetter.updateMany({
          where: { id: current.id, version: current.version },
          data: { body: input.body, version: { increment: 1 }, updatedById: actor.id },
        });
        if (count === 0) throw new AppError('conflict', LETTER_STALE);
        out.letter = await t.appealLetter.findUniqueOrThrow({ where: { id: current.id }, select: LETTER_SELECT });
      },
    };
  });
  if (!result.ok) return result;
  return { ok: true, data: { denial: result.data, letter: letterDto(out.letter!) } };
}
