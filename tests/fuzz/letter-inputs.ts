// Letter inputs: a template (the starter set and the test letter, mutated as lines, merge fields and Markdown,
// or generated from the letter format's grammar), the facts merged into it (names, amounts and dates at their
// edges: they come from 835s and settings) and the specialist's edits to the merged text. Stored as JSON.
import { LETTER_TEMPLATE } from '../support/appeal-fixtures';
import { completeLetterFacts } from '../support/letter-facts';
import { STARTER_TEMPLATES } from '@/lib/domain/appeals/starter-templates';
import { MERGE_FIELDS, type LetterFacts } from '@/lib/domain/appeals/letter-merge';
import { asBytes, fieldText, mutateList, NASTY_VALUES } from './mutate';
import type { Rng } from './prng';

export interface LetterCase {
  template: string;
  facts: LetterFacts;
  /** Lines typed over the merged letter before it is saved and rendered (the letter editor). */
  edits: { at: number; text: string }[];
}

const TEMPLATES = [LETTER_TEMPLATE, ...STARTER_TEMPLATES.map((t) => t.body)];
const FIELDS = Object.keys(MERGE_FIELDS);
const WORDS = ['the', 'claim', 'was', 'denied', 'medically', 'necessary', 'records', 'enclosed', 'Supercalifragilisticexpialidocious'.repeat(3), '§1862(a)(1)(A)', '–', '“quoted”', 'é', '😀', '漢字'];

function line(rng: Rng): string {
  const words = Array.from({ length: rng.small(60) }, () => (rng.chance(0.15) ? `{{${rng.pick(FIELDS)}}}` : rng.chance(0.1) ? `**${rng.pick(WORDS)}**` : rng.pick(WORDS)));
  const prefix = rng.pick(['', '', '', '# ', '## ', '- ', '* ', '1. ', '12) ', '   - ', '#', '### ', '  ']);
  return prefix + words.join(rng.chance(0.9) ? ' ' : rng.pick(['', '  ', '\t']));
}

function generatedTemplate(rng: Rng): string {
  return Array.from({ length: rng.small(120) || 1 }, () => (rng.chance(0.2) ? '' : rng.chance(0.2) ? `{{${rng.pick(FIELDS)}}}` : line(rng))).join('\n');
}

function mutateTemplate(rng: Rng, template: string): string {
  let lines = template.split('\n');
  for (let k = rng.small(6); k > 0; k--) {
    switch (rng.below(4)) {
      case 0:
        lines = mutateList(rng, lines, () => line(rng));
        break;
      case 1: {
        const i = rng.below(lines.length);
        const at = rng.below((lines[i] ?? '').length + 1);
        const insert = rng.pick([`{{${rng.pick(FIELDS)}}}`, '{{ unknown.field }}', '{{', '}}', '{{{today}}}', '**', '# ', rng.pick(NASTY_VALUES)]);
        lines[i] = (lines[i] ?? '').slice(0, at) + insert + (lines[i] ?? '').slice(at);
        break;
      }
      case 2:
        lines[rng.below(lines.length)] = rng.pick(NASTY_VALUES).repeat(rng.small(200) || 1);
        break;
      default:
        lines.splice(rng.below(lines.length + 1), 0, ...Array.from({ length: rng.small(300) }, () => line(rng)));
    }
  }
  return lines.join(rng.chance(0.9) ? '\n' : '\r\n');
}

const isoDate = (rng: Rng) => `${rng.int(1900, 2099)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
// The reader keeps amounts to 13 integer digits (lib/domain/x12/money.ts), so stored cents stay safe integers.
const cents = (rng: Rng) => rng.pick([0, 1, 99, 24_050, rng.int(0, 10_000_000), -500, 999_999_999_999_999, Number.MAX_SAFE_INTEGER]);
const text = (rng: Rng, plausible: string | null) => (rng.chance(0.7) ? plausible : rng.chance(0.2) ? null : fieldText(rng, [plausible ?? '', 'X'.repeat(rng.small(400))]));
const lines = (rng: Rng, plausible: string[]) => (rng.chance(0.7) ? plausible : Array.from({ length: rng.small(30) }, () => fieldText(rng, plausible.length ? plausible : ['Line'])));

function mutatedFacts(rng: Rng): LetterFacts {
  const f = structuredClone(completeLetterFacts);
  if (rng.chance(0.4)) return f;
  f.today = isoDate(rng);
  f.organization.name = text(rng, f.organization.name);
  f.organization.addressLines = lines(rng, f.organization.addressLines);
  f.organization.npi = text(rng, f.organization.npi);
  f.organization.contactEmail = text(rng, f.organization.contactEmail);
  f.payer.name = text(rng, f.payer.name) ?? '';
  f.payer.appealsAddressLines = lines(rng, f.payer.appealsAddressLines);
  f.patient.name = text(rng, f.patient.name);
  f.claim.number = text(rng, f.claim.number) ?? '';
  f.claim.billedCents = cents(rng);
  f.claim.serviceFrom = rng.chance(0.8) ? isoDate(rng) : null;
  f.claim.serviceTo = rng.chance(0.5) ? isoDate(rng) : null;
  f.denial.deniedCents = cents(rng);
  f.denial.noticeDate = rng.chance(0.8) ? isoDate(rng) : null;
  f.denial.adjustments = Array.from({ length: rng.small(40) }, () => ({ group: fieldText(rng, ['CO', 'PR']), code: fieldText(rng, ['50', '197']), description: fieldText(rng, ['Not medically necessary.', '']), amountCents: cents(rng) }));
  f.denial.remarks = Array.from({ length: rng.small(20) }, () => ({ code: fieldText(rng, ['N130', 'M127']), description: fieldText(rng, ['Consult plan benefit documents.']) }));
  f.lines = Array.from({ length: rng.small(80) }, () => ({ serviceDate: rng.chance(0.9) ? isoDate(rng) : null, procedure: fieldText(rng, ['99214', '97110']), modifiers: lines(rng, ['25']), units: fieldText(rng, ['1', '3', '0.5']), chargeCents: cents(rng), paidCents: cents(rng) }));
  f.appeal.levelName = text(rng, f.appeal.levelName) ?? '';
  f.appeal.dueDate = rng.chance(0.8) ? isoDate(rng) : null;
  f.signer.name = text(rng, f.signer.name);
  return f;
}

export function letterInput(rng: Rng): Uint8Array {
  const template = rng.chance(0.3) ? generatedTemplate(rng) : mutateTemplate(rng, rng.pick(TEMPLATES));
  const edits = Array.from({ length: rng.chance(0.3) ? rng.small(10) : 0 }, () => ({ at: rng.below(200), text: rng.chance(0.5) ? line(rng) : rng.pick(NASTY_VALUES) }));
  const input: LetterCase = { template, facts: mutatedFacts(rng), edits };
  return asBytes(JSON.stringify(input));
}
