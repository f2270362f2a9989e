import { describe, expect, it } from 'vitest';
import { mergeLetter, templateFields } from '@/lib/domain/appeals/letter-merge';
import { parseLetter, letterPlainText } from '@/lib/domain/appeals/letter-format';
import { STARTER_TEMPLATES } from '@/lib/domain/appeals/starter-templates';
import { TEMPLATE_CATEGORIES } from '@/lib/domain/appeals/template-categories';
import { MAX_TEMPLATE_BODY, saveTemplateVersionInput, templateBodyProblems } from '@/lib/domain/contracts/templates';
import { completeLetterFacts as facts } from '../../support/letter-facts';

// What design.md "What an appeal letter holds" asks of every letter, by the fields that carry it.
// The letterhead (organisation name, address, NPI, TIN) is printed above every letter and required when drafting
// (lib/domain/appeals/appeal-letter.ts): the text names the organisation and its contact in the signature only.
const EVERY_LETTER = [
  'organization.name', 'organization.contact',
  'today', 'payer.appeals_address', 'claim.number', 'claim.payer_claim_number', 'patient.name', 'patient.member_id',
  'claim.service_dates', 'claim.billed', 'denial.reasons', 'appeal.level', 'denial.amount', 'signer.name', 'signer.title',
];

describe('the starter templates', () => {
  it('are one per category', () => {
    expect(STARTER_TEMPLATES.map((t) => t.category)).toEqual([...TEMPLATE_CATEGORIES]);
    expect(new Set(STARTER_TEMPLATES.map((t) => t.name)).size).toBe(STARTER_TEMPLATES.length);
  });

  describe.each(STARTER_TEMPLATES)('$category: “$name”', (template) => {
    it('names only known merge fields, and every part of a letter', () => {
      const { known, unknown } = templateFields(template.body);
      expect(unknown).toEqual([]);
      for (const field of EVERY_LETTER) expect(known).toContain(field);
      // A claim without remark codes would make the letter fail: the starter set leaves them out.
      expect(known).not.toContain('denial.remarks');
      // Nor the letterhead's NPI and TIN: printed above the text, they would show twice.
      expect(known).not.toContain('organization.npi');
    });

    it('could be saved as written', () => {
      expect(templateBodyProblems(template.body)).toEqual([]);
      expect(template.body.length).toBeLessThanOrEqual(MAX_TEMPLATE_BODY);
      expect(saveTemplateVersionInput.safeParse({ templateId: '00000000-0000-4000-8000-000000000000', version: 0, body: template.body }).success).toBe(true);
    });

    it('merges with complete facts into a letter with a heading, the request, enclosures and the signer', () => {
      const merged = mergeLetter(template.body, facts);
      expect(merged.ok).toBe(true);
      if (!merged.ok) return;
      expect(merged.text).not.toMatch(/\{\{|\}\}/);
      const blocks = parseLetter(merged.text);
      expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.level : 0))).toContain(1);
      expect(blocks.some((b) => b.kind === 'list' && b.ordered)).toBe(true);
      const text = letterPlainText(blocks);
      for (const expected of ['Riverside Family Practice', 'December 5, 2026', 'PO Box 100', 'CLM-0042', '2026123000042', 'María Williams', 'XJH123456789', '$350', 'CO-50', 'not deemed a medical necessity', 'pay the denied amount of $240.50', 'Enclosures', 'Sam Rivera', 'Denial specialist']) {
        expect(text).toContain(expected);
      }
      // Places the specialist completes are marked, never left looking finished.
      expect(text).toMatch(/\[[A-Z][^\]]{10,}\]/);
    });
  });

  it('argue what each category needs', () => {
    const body = (category: string) => STARTER_TEMPLATES.find((t) => t.category === category)!.body;
    expect(body('timely_filing')).toContain('clearinghouse acceptance report');
    expect(body('medical_necessity')).toMatch(/NCD or LCD/);
    expect(body('medical_necessity')).toContain('Section 1862(a)(1)(A) of the Social Security Act');
    expect(body('authorization')).toContain('Authorization number');
    expect(body('units_days')).toContain('M53');
    expect(body('coordination_of_benefits')).toContain('primary payer');
    expect(body('duplicate')).toContain('differs');
  });
});

describe('a template body', () => {
  it('is refused empty, or with an unknown field named', () => {
    expect(templateBodyProblems('  \n ')).toEqual([expect.stringContaining('cannot be empty')]);
    expect(templateBodyProblems('Dear {{payer.nmae}}, {{claim.number}} {{patient.dob}}')).toEqual([expect.stringContaining('payer.nmae, patient.dob')]);
  });

  it('keeps line breaks and tabs, refuses other control characters and a body over 20,000 characters', () => {
    const parse = (body: string) => saveTemplateVersionInput.safeParse({ templateId: '00000000-0000-4000-8000-000000000000', version: 1, body });
    expect(parse('Line one\r\n\tLine two').success).toBe(true);
    expect(parse('Bell\u0007').error?.issues[0]?.message).toContain('U+0007');
    expect(parse('x'.repeat(20_001)).error?.issues[0]?.message).toContain('20,000');
  });
});
