// What people read for the category and department keys stored with each denial.
import type { DenialCategory, Department } from './codes';

export const CATEGORY_LABEL: Record<DenialCategory, string> = {
  eligibility_coverage: 'Eligibility and coverage',
  registration_demographics: 'Registration and demographics',
  authorization_referral: 'Authorization and referral',
  coding_modifiers: 'Coding and modifiers',
  bundling: 'Bundling',
  units_days: 'Units and days',
  medical_necessity: 'Medical necessity',
  documentation_requested: 'Documentation requested',
  timely_filing: 'Timely filing',
  duplicate: 'Duplicate',
  non_covered_benefit_limits: 'Non-covered and benefit limits',
  coordination_of_benefits: 'Coordination of benefits',
  pricing_contract: 'Pricing and contract',
  correct_resubmit: 'Correct and resubmit',
  other: 'Other',
};

export const DEPARTMENT_LABEL: Record<Department, string> = {
  front_desk: 'Front desk',
  coding: 'Coding',
  clinical: 'Clinical',
  billing: 'Billing',
  payer_error: 'Payer error',
  none: '—',
};

export function categoryLabel(key: string): string {
  return (CATEGORY_LABEL as Record<string, string>)[key] ?? key;
}

export function departmentLabel(key: string): string {
  return (DEPARTMENT_LABEL as Record<string, string>)[key] ?? key;
}
