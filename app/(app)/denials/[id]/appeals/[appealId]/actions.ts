'use server';
// The appeal workspace's letter: auth + zod here (authedAction), the rules, the versioned write and the audit in
// lib/server/appeals/appeal-letters.ts, which checks the action again against the denial.
import { authedAction } from '@/lib/server/action';
import {
  checkLetterTemplate,
  checkLetterTemplateInput,
  draftLetter,
  draftLetterInput,
  saveLetter,
  saveLetterInput,
} from '@/lib/server/appeals/appeal-letters';

export const checkLetterTemplateAction = authedAction(checkLetterTemplateInput, { may: 'edit_denial' }, (input, { actor }) => checkLetterTemplate(actor, input));
export const draftLetterAction = authedAction(draftLetterInput, { may: 'edit_denial' }, (input, { actor }) => draftLetter(actor, input));
export const saveLetterAction = authedAction(saveLetterInput, { may: 'edit_denial' }, (input, { actor }) => saveLetter(actor, input));
