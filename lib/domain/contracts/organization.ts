// The organisation's letterhead as the admin page reads and saves it (design.md "What an appeal letter holds":
// name, address, NPI, TIN, contact). One schema for the browser's field messages and the server's refusal.
import { z } from 'zod';
import type { LetterFacts } from '../appeals/letter-merge';
import { einProblem, normalizeEin, npiProblem } from '../identifiers';
import { plainText } from './text';

export const MAX_ADDRESS_LINES = 4;

const line = (max: number, required: string) => plainText(z.string().trim().min(1, required).max(max, `At most ${max} characters`));

export const organizationInput = z.object({
  /** The version the form was read at (0 before the first save). */
  version: z.number().int().min(0),
  name: line(120, 'Enter the organisation’s name'),
  addressLines: z
    .array(plainText(z.string().trim().max(100, 'At most 100 characters a line')))
    .max(MAX_ADDRESS_LINES, `At most ${MAX_ADDRESS_LINES} address lines`)
    .transform((lines) => lines.filter((l) => l !== ''))
    .refine((lines) => lines.length > 0, 'Enter the address (at least one line)'),
  npi: plainText(z.string().trim()).superRefine((npi, ctx) => {
    const problem = npiProblem(npi);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  tin: plainText(z.string().trim())
    .superRefine((tin, ctx) => {
      const problem = einProblem(tin);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((tin) => normalizeEin(tin) ?? tin),
  contactName: line(120, 'Enter who payers should contact'),
  contactPhone: plainText(z.string().trim().max(40, 'At most 40 characters')).refine(
    (phone) => /^[0-9()+.\-\s]*(?:(?:x|ext\.?)\s*\d{1,6})?$/i.test(phone) && phone.replace(/\D/g, '').length >= 10,
    'Enter a phone number with its area code, e.g. (555) 010-0100',
  ),
  contactEmail: plainText(z.string().trim().toLowerCase().max(254)).pipe(z.email('Enter a valid email address')),
});
export type OrganizationInput = z.input<typeof organizationInput>;

export interface OrganizationDto {
  name: string;
  addressLines: string[];
  npi: string;
  tin: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** 0 when nothing is saved yet. */
  version: number;
  updatedAt: string | null;
}

/** The letterhead as a letter's facts (lib/domain/appeals/letter-merge.ts): a field not set yet is null, reported by name. */
export function letterheadFacts(o: OrganizationDto): LetterFacts['organization'] {
  const orNull = (v: string) => (v.trim() === '' ? null : v);
  return {
    name: orNull(o.name),
    addressLines: o.addressLines,
    npi: orNull(o.npi),
    tin: orNull(o.tin),
    contactName: orNull(o.contactName),
    contactPhone: orNull(o.contactPhone),
    contactEmail: orNull(o.contactEmail),
  };
}
