import 'server-only';
import { PDFDocument } from 'pdf-lib';
import { parseLetter } from '@/lib/domain/appeals/letter-format';
import type { OrganizationDto } from '@/lib/domain/contracts/organization';
import type { Tx } from '../db';
import { todayIso } from '../clock';
import { readOrganization } from '../organization/read-organization';
import { type Letterhead, renderLetterPdf } from './letter-pdf';

// An appeal's stored letter as a PDF, for the letter's download and the appeal packet. A building block: the
// caller has checked the actor may see the appeal's denial, and audits the read.

/** The organisation's settings as the letterhead prints them ("Dana Ortiz · (217) 555-0100 · billing@…"). */
export function letterheadOf(o: OrganizationDto): Letterhead {
  const set = (v: string) => (v.trim() === '' ? null : v.trim());
  const contact = [o.contactName, o.contactPhone, o.contactEmail].map(set).filter(Boolean).join(' · ');
  return { name: o.name.trim(), addressLines: o.addressLines, npi: set(o.npi), tin: set(o.tin), contact: contact || null };
}

export interface AppealLetterDocument {
  pdf: Uint8Array;
  pageCount: number;
  title: string;
  templateName: string;
  templateVersion: number;
}

/**
 * The letter of `appealId` as a PDF under the organisation's letterhead, or null when the appeal has no letter.
 * Dated by the day the letter was drafted, so the same letter gives the same bytes.
 */
export async function appealLetterDocument(tx: Tx, appealId: string): Promise<AppealLetterDocument | null> {
  const letter = await tx.appealLetter.findUnique({
    where: { appealId },
    select: { title: true, body: true, createdAt: true, template: { select: { name: true } }, templateVersion: { select: { version: true } } },
  });
  if (!letter) return null;
  const organization = await readOrganization(tx);
  const pdf = await renderLetterPdf({ letterhead: letterheadOf(organization), blocks: parseLetter(letter.body), title: letter.title, date: todayIso(letter.createdAt) });
  const pageCount = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  return { pdf, pageCount, title: letter.title, templateName: letter.template.name, templateVersion: letter.templateVersion.version };
}

