// Merge fields of appeal-letter templates (design.md "What an appeal letter holds"): `{{claim.number}}` and the
// like, filled from the claim, its lines and adjustments, the patient, the payer, the rendering provider and the
// organisation. A field with no value is reported by name before any letter is made — a letter never goes out
// with a blank where a member id should be — and a template with a field nobody knows is refused when saved.
import { type IsoDate, parseIsoDate } from '../dates';
import { formatUsd } from '../money';

export interface LetterAdjustment {
  group: string;
  code: string;
  /** The official CARC description; null when the code is not on the list. */
  description: string | null;
  amountCents: number;
}

export interface LetterRemark {
  code: string;
  description: string | null;
}

export interface LetterServiceLine {
  serviceDate: IsoDate | null;
  procedure: string | null;
  modifiers: string[];
  units: string | null;
  chargeCents: number;
  paidCents: number;
}

/** Everything a letter may say, as the server read it; null is "not known", and is reported if a template asks. */
export interface LetterFacts {
  today: IsoDate;
  organization: {
    name: string | null;
    addressLines: string[];
    npi: string | null;
    tin: string | null;
    contactName: string | null;
    contactPhone: string | null;
    contactEmail: string | null;
  };
  payer: { name: string; appealsAddressLines: string[] };
  patient: { name: string | null; memberId: string | null };
  claim: { number: string; payerClaimNumber: string | null; billedCents: number; serviceFrom: IsoDate | null; serviceTo: IsoDate | null };
  provider: { name: string | null; npi: string | null };
  denial: { deniedCents: number; noticeDate: IsoDate | null; adjustments: LetterAdjustment[]; remarks: LetterRemark[] };
  lines: LetterServiceLine[];
  appeal: { levelName: string; dueDate: IsoDate | null };
  signer: { name: string | null; title: string | null };
}

/** A field's value: one line, several lines (an address), a list (one item per line), or why it has none. */
type FieldValue = { text: string } | { lines: string[] } | { items: string[] } | { missing: string };

interface MergeField {
  label: string;
  value: (facts: LetterFacts) => FieldValue;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-05" → "March 5, 2026", written out by hand so the server and every browser agree. */
export function longDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

function dateRange(from: IsoDate | null, to: IsoDate | null): string | null {
  const start = from ?? to;
  if (!start || !parseIsoDate(start)) return null;
  if (!to || to === start) return longDate(start);
  return `${longDate(start)} – ${longDate(to)}`;
}

const text = (value: string | null | undefined, missing: string): FieldValue =>
  value && value.trim() !== '' ? { text: value.trim() } : { missing };
const date = (value: IsoDate | null, missing: string): FieldValue => (value ? { text: longDate(value) } : { missing });

function describeAdjustment(a: LetterAdjustment): string {
  return `${a.group}-${a.code} (${formatUsd(a.amountCents)}): ${a.description}`;
}

function describeLine(line: LetterServiceLine): string {
  const code = line.procedure ? [line.procedure, ...line.modifiers].join('-') : 'service';
  const parts = [line.serviceDate ? longDate(line.serviceDate) : null, code, line.units ? `${line.units} unit${line.units === '1' ? '' : 's'}` : null];
  return `${parts.filter(Boolean).join(' · ')} — billed ${formatUsd(line.chargeCents)}, paid ${formatUsd(line.paidCents)}`;
}

export const MERGE_FIELDS: Record<string, MergeField> = {
  today: { label: 'Today’s date', value: (f) => ({ text: longDate(f.today) }) },
  'organization.name': { label: 'Organisation name', value: (f) => text(f.organization.name, 'set it in Settings → Organisation') },
  'organization.address': {
    label: 'Organisation address',
    value: (f) => (f.organization.addressLines.length ? { lines: f.organization.addressLines } : { missing: 'set it in Settings → Organisation' }),
  },
  'organization.npi': { label: 'Organisation NPI', value: (f) => text(f.organization.npi, 'set it in Settings → Organisation') },
  'organization.tin': { label: 'Organisation TIN', value: (f) => text(f.organization.tin, 'set it in Settings → Organisation') },
  'organization.contact': {
    label: 'Organisation contact',
    value: (f) => {
      const o = f.organization;
      const reach = [o.contactPhone, o.contactEmail].filter((v): v is string => !!v?.trim());
      if (!o.contactName?.trim() || reach.length === 0) return { missing: 'set a contact name and a phone or email in Settings → Organisation' };
      return { text: [o.contactName.trim(), ...reach].join(' · ') };
    },
  },
  'payer.name': { label: 'Payer name', value: (f) => text(f.payer.name, 'the payer has no name') },
  'payer.appeals_address': {
    label: 'Payer appeals address',
    value: (f) => (f.payer.appealsAddressLines.length ? { lines: f.payer.appealsAddressLines } : { missing: 'set the payer’s appeals address under Payer rules' }),
  },
  'patient.name': { label: 'Patient name', value: (f) => text(f.patient.name, 'the remittance names no patient') },
  'patient.member_id': { label: 'Member id', value: (f) => text(f.patient.memberId, 'the remittance carries no member id') },
  'claim.number': { label: 'Claim number', value: (f) => text(f.claim.number, 'the claim has no number') },
  'claim.payer_claim_number': {
    label: 'Payer claim control number',
    value: (f) => text(f.claim.payerClaimNumber, 'the remittance carries no payer claim control number (CLP07)'),
  },
  'claim.billed': { label: 'Billed amount', value: (f) => ({ text: formatUsd(f.claim.billedCents) }) },
  'claim.service_dates': {
    label: 'Date(s) of service',
    value: (f) => {
      const range = dateRange(f.claim.serviceFrom, f.claim.serviceTo);
      return range ? { text: range } : { missing: 'the remittance carries no service date' };
    },
  },
  'claim.lines': {
    label: 'Service lines',
    value: (f) => (f.lines.length ? { items: f.lines.map(describeLine) } : { missing: 'the remittance carries no service lines for this claim' }),
  },
  'provider.name': { label: 'Rendering provider', value: (f) => text(f.provider.name, 'the remittance names no rendering provider') },
  'provider.npi': { label: 'Rendering provider NPI', value: (f) => text(f.provider.npi, 'the remittance carries no rendering provider NPI') },
  'denial.amount': { label: 'Denied amount', value: (f) => ({ text: formatUsd(f.denial.deniedCents) }) },
  'denial.notice_date': { label: 'Denial notice date', value: (f) => date(f.denial.noticeDate, 'the remittance carries no date') },
  'denial.reasons': {
    label: 'Denial reasons (CARC)',
    value: (f) => {
      const adjustments = f.denial.adjustments;
      if (adjustments.length === 0) return { missing: 'the denial has no adjustment codes' };
      const unknown = adjustments.filter((a) => !a.description);
      if (unknown.length) return { missing: `no official description for ${unknown.map((a) => `${a.group}-${a.code}`).join(', ')}` };
      return { items: adjustments.map(describeAdjustment) };
    },
  },
  'denial.remarks': {
    label: 'Remark codes (RARC)',
    value: (f) => {
      const remarks = f.denial.remarks;
      if (remarks.length === 0) return { missing: 'the claim has no remark codes: remove this field' };
      const unknown = remarks.filter((r) => !r.description);
      if (unknown.length) return { missing: `no official description for ${unknown.map((r) => r.code).join(', ')}` };
      return { items: remarks.map((r) => `${r.code}: ${r.description}`) };
    },
  },
  'appeal.level': { label: 'Appeal level', value: (f) => text(f.appeal.levelName, 'no level chosen') },
  'appeal.deadline': { label: 'Appeal deadline', value: (f) => date(f.appeal.dueDate, 'the deadline cannot be computed: check the payer rules') },
  'signer.name': { label: 'Signer name', value: (f) => text(f.signer.name, 'your name is not set') },
  'signer.title': { label: 'Signer title', value: (f) => text(f.signer.title, 'an administrator sets your title under Users') },
};

const FIELD = /\{\{\s*([A-Za-z_.]+)\s*\}\}/g;

/** The fields a template names, in order of first use, and anything that looks like a field but is not one. */
export function templateFields(template: string): { known: string[]; unknown: string[] } {
  const known: string[] = [];
  const unknown: string[] = [];
  for (const match of template.matchAll(FIELD)) {
    const name = match[1]!;
    const list = name in MERGE_FIELDS ? known : unknown;
    if (!list.includes(name)) list.push(name);
  }
  // A brace pair left after the fields are taken out is a typo ("{{claim.number}" or "{{ claim number }}").
  const leftover = template.replace(FIELD, '');
  if (/\{\{|\}\}/.test(leftover)) unknown.push(leftover.match(/\{\{[^}\n]{0,40}\}?\}?|\}\}/)![0]);
  return { known, unknown };
}

export interface MissingField {
  field: string;
  label: string;
  why: string;
}

export type MergeResult = { ok: true; text: string } | { ok: false; missing: MissingField[]; unknown: string[] };

/**
 * Fills a template. A field alone on its line that holds several lines or a list becomes those lines (a list as
 * "- " items, which the letter format shows as a bulleted list); inside a sentence they join with commas or
 * semicolons. Every missing and unknown field is reported at once, so one look fixes them all.
 */
export function mergeLetter(template: string, facts: LetterFacts): MergeResult {
  const { known, unknown } = templateFields(template);
  const values = new Map<string, FieldValue>();
  const missing: MissingField[] = [];
  for (const name of known) {
    const field = MERGE_FIELDS[name]!;
    const value = field.value(facts);
    values.set(name, value);
    if ('missing' in value) missing.push({ field: name, label: field.label, why: value.missing });
  }
  if (missing.length || unknown.length) return { ok: false, missing, unknown };
  const lines = template.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const alone = /^(\s*)\{\{\s*([A-Za-z_.]+)\s*\}\}\s*$/.exec(line);
    const value = alone ? values.get(alone[2]!) : undefined;
    if (alone && value && 'lines' in value) return value.lines.map((l) => alone[1] + l).join('\n');
    if (alone && value && 'items' in value) return value.items.map((item) => `${alone[1]}- ${item}`).join('\n');
    return line.replace(FIELD, (_, name: string) => {
      const v = values.get(name)!;
      return 'text' in v ? v.text : 'lines' in v ? v.lines.join(', ') : 'items' in v ? v.items.join('; ') : '';
    });
  });
  return { ok: true, text: lines.join('\n') };
}
