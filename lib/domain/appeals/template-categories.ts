// What a letter template argues (issue 13, "Letters from templates"), and which denial categories
// (lib/domain/codes.ts) each suits, so a draft for a denial offers the templates that fit it first. Every
// template category maps to at least one denial category; units and days (e.g. RARC M53) and authorization map
// one to one, eligibility covers registration errors too, documentation requested also answers "correct and
// resubmit" remarks that ask for records.
import type { DenialCategory } from '../codes';

export const TEMPLATE_CATEGORIES = [
  'medical_necessity',
  'authorization',
  'timely_filing',
  'coding_modifiers',
  'units_days',
  'duplicate',
  'coordination_of_benefits',
  'eligibility',
  'bundling',
  'documentation_requested',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export interface TemplateCategoryInfo {
  label: string;
  /** What the letter must prove, shown beside the editor. */
  argues: string;
  suits: readonly DenialCategory[];
}

export const TEMPLATE_CATEGORY: Record<TemplateCategory, TemplateCategoryInfo> = {
  medical_necessity: {
    label: 'Medical necessity',
    argues: 'The diagnosis and clinical picture, and the coverage policy met (NCD/LCD; for Medicare, SSA §1862(a)(1)(A)).',
    suits: ['medical_necessity', 'non_covered_benefit_limits'],
  },
  authorization: {
    label: 'Authorization',
    argues: 'The authorization number, its date and who granted it — or why none was required.',
    suits: ['authorization_referral'],
  },
  timely_filing: {
    label: 'Timely filing',
    argues: 'Proof of timely submission: the clearinghouse acceptance report with its date.',
    suits: ['timely_filing'],
  },
  coding_modifiers: {
    label: 'Coding and modifiers',
    argues: 'What was coded, what was corrected and why the records support it.',
    suits: ['coding_modifiers', 'correct_resubmit'],
  },
  units_days: {
    label: 'Units and days of service',
    argues: 'The units or days billed (e.g. M53) and the records that support them.',
    suits: ['units_days'],
  },
  duplicate: {
    label: 'Duplicate',
    argues: 'How this service differs from the one already paid.',
    suits: ['duplicate'],
  },
  coordination_of_benefits: {
    label: 'Coordination of benefits',
    argues: 'The primary payer’s determination, and which payer is primary.',
    suits: ['coordination_of_benefits'],
  },
  eligibility: {
    label: 'Eligibility',
    argues: 'The patient’s coverage on the date of service, with the verification.',
    suits: ['eligibility_coverage', 'registration_demographics'],
  },
  bundling: {
    label: 'Bundling',
    argues: 'Why the service is separately payable (distinct procedure, modifier, NCCI edit).',
    suits: ['bundling'],
  },
  documentation_requested: {
    label: 'Documentation requested',
    argues: 'The records the payer asked for, listed and enclosed.',
    suits: ['documentation_requested', 'correct_resubmit'],
  },
};

export function isTemplateCategory(value: string): value is TemplateCategory {
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(value);
}

export const templateCategoryLabel = (category: string): string =>
  isTemplateCategory(category) ? TEMPLATE_CATEGORY[category].label : category;

/** The template categories that suit a denial category, in the vocabulary's order (none for "other"). */
export function templateCategoriesFor(denialCategory: DenialCategory): TemplateCategory[] {
  return TEMPLATE_CATEGORIES.filter((c) => TEMPLATE_CATEGORY[c].suits.includes(denialCategory));
}
