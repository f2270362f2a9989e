// The appeal workspace's wire contract (app/(app)/denials/[id]/appeals/[appealId]): the appeal, its letter and the
// templates it may be drafted from, with what the viewer may do (lib/server/appeals/appeal-letters.ts).
import type { IsoDate } from '../dates';
import type { AppealStage } from '../appeals/appeal-chain';
import type { MissingField } from '../appeals/letter-merge';

export interface AppealLetterDto {
  id: string;
  /** Optimistic concurrency: a save names the version it was based on. */
  version: number;
  title: string;
  /** The editable text, in the letter format (lib/domain/appeals/letter-format.ts). */
  body: string;
  templateId: string;
  templateName: string;
  /** The template version the letter was merged from. */
  templateVersion: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** The organisation's letterhead as the page and the PDF print it above the letter; fields not set are null. */
export interface LetterheadDto {
  name: string;
  addressLines: string[];
  npi: string | null;
  tin: string | null;
  /** One line: "Dana Ortiz · (217) 555-0100 · billing@riverside.example". */
  contact: string | null;
}

export interface LetterTemplateChoice {
  id: string;
  name: string;
  categoryLabel: string;
  currentVersion: number;
  /** Suits the denial's category (lib/domain/appeals/template-categories.ts): offered first. */
  offered: boolean;
}

export interface AppealWorkspaceDto {
  denial: { id: string; version: number; patientName: string | null; claimNumber: string; payerName: string; categoryLabel: string };
  appeal: { id: string; level: string; levelName: string; stage: AppealStage; dueDate: IsoDate | null; submittedOn: IsoDate | null; decidedOn: IsoDate | null };
  letter: AppealLetterDto | null;
  letterhead: LetterheadDto;
  templates: LetterTemplateChoice[];
  viewer: {
    canEdit: boolean;
    /** Why the letter cannot be drafted or edited now (a submitted or decided appeal), or null. */
    locked: string | null;
  };
}

/** A template checked against the appeal's facts before drafting. */
export interface LetterCheckDto {
  missing: MissingField[];
  unknown: string[];
}
