// The starter set: one letter per template category, written for Overturn, seeded as version 1 of each template
// on a fresh installation (lib/server/templates/seed-starter-templates.ts), created by no user.
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '../template-categories';
import { BILLING_LETTERS } from './billing';
import { CLINICAL_LETTERS } from './clinical';
import { CODING_LETTERS } from './coding';

export interface StarterTemplate {
  category: TemplateCategory;
  name: string;
  body: string;
}

const BY_CATEGORY: Record<TemplateCategory, { name: string; body: string }> = { ...CLINICAL_LETTERS, ...BILLING_LETTERS, ...CODING_LETTERS };

export const STARTER_TEMPLATES: StarterTemplate[] = TEMPLATE_CATEGORIES.map((category) => ({ category, ...BY_CATEGORY[category] }));
