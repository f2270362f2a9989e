import { describe, expect, it } from 'vitest';
import { DENIAL_CATEGORIES } from '@/lib/domain/codes';
import { TEMPLATE_CATEGORIES, TEMPLATE_CATEGORY, isTemplateCategory, templateCategoriesFor, templateCategoryLabel } from '@/lib/domain/appeals/template-categories';

describe('template categories', () => {
  it('are the ten the issue names', () => {
    expect(TEMPLATE_CATEGORIES).toEqual([
      'medical_necessity', 'authorization', 'timely_filing', 'coding_modifiers', 'units_days',
      'duplicate', 'coordination_of_benefits', 'eligibility', 'bundling', 'documentation_requested',
    ]);
  });

  it.each(TEMPLATE_CATEGORIES)('%s has a label, what it argues, and suits at least one denial category', (category) => {
    const info = TEMPLATE_CATEGORY[category];
    expect(info.label.length).toBeGreaterThan(3);
    expect(info.argues.length).toBeGreaterThan(10);
    expect(info.suits.length).toBeGreaterThan(0);
    for (const denial of info.suits) expect(DENIAL_CATEGORIES).toContain(denial);
  });

  it('maps each category to the denial category of the same name where one exists', () => {
    for (const category of TEMPLATE_CATEGORIES) {
      if ((DENIAL_CATEGORIES as readonly string[]).includes(category)) expect(TEMPLATE_CATEGORY[category].suits).toContain(category);
    }
    expect(templateCategoriesFor('authorization_referral')).toEqual(['authorization']);
    expect(templateCategoriesFor('eligibility_coverage')).toEqual(['eligibility']);
    expect(templateCategoriesFor('units_days')).toEqual(['units_days']);
    expect(templateCategoriesFor('other')).toEqual([]);
  });

  it('labels an unknown category as stored, and knows its own', () => {
    expect(templateCategoryLabel('units_days')).toBe('Units and days of service');
    expect(templateCategoryLabel('retired')).toBe('retired');
    expect(isTemplateCategory('bundling')).toBe(true);
    expect(isTemplateCategory('other')).toBe(false);
  });
});
