import { describe, expect, it } from 'vitest';
import { MERGE_FIELDS, longDate, mergeLetter, templateFields } from '@/lib/domain/appeals/letter-merge';
import { letterPlainText, parseLetter, parseRuns } from '@/lib/domain/appeals/letter-format';
import { letterFacts } from '../../support/letter-facts';

const facts = letterFacts;

const EXPECTED: Record<string, string> = {
  today: 'December 5, 2026',
  'organization.name': 'Riverside Family Practice',
  'organization.address': '12 Mill Road\nSpringfield, IL 62701',
  'organization.npi': '1234567893',
  'organization.tin': '37-1234567',
  'organization.contact': 'Dana Ortiz · (217) 555-0100 · billing@riverside.example',
  'payer.name': 'Acme Health Plan',
  'payer.appeals_address': 'Appeals Unit\nPO Box 100\nDallas, TX 75201',
  'patient.name': 'María Williams',
  'patient.member_id': 'XJH123456789',
  'claim.number': 'CLM-0042',
  'claim.payer_claim_number': '2026123000042',
  'claim.billed': '$350',
  'claim.service_dates': 'October 3, 2026 – October 4, 2026',
  'claim.lines': '- October 3, 2026 · 99214-25 · 1 unit — billed $200, paid $0\n- October 4, 2026 · 97110 · 3 units — billed $150, paid $0',
  'provider.name': 'Dr. Lee Chen',
  'provider.npi': '1987654321',
  'denial.amount': '$240.50',
  'denial.notice_date': 'November 2, 2026',
  'denial.reasons': '- CO-50 ($240.50): These are non-covered services because this is not deemed a medical necessity by the payer.',
  'denial.remarks': '- N130: Consult plan benefit documents/guidelines for information about restrictions for this service.',
  'appeal.level': 'Level 1 appeal',
  'appeal.deadline': 'May 1, 2027',
  'signer.name': 'Sam Rivera',
  'signer.title': 'Denial specialist',
};

describe('merge fields', () => {
  it('has an expected rendering for every field (a new field needs a test here)', () => {
    expect(Object.keys(MERGE_FIELDS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('{{%s}} alone on its line renders %j', (field, expected) => {
    expect(mergeLetter(`{{${field}}}`, facts())).toEqual({ ok: true, text: expected });
  });

  it('joins several lines and lists inside a sentence', () => {
    expect(mergeLetter('Write to {{ payer.appeals_address }}. Codes: {{denial.reasons}}', facts())).toEqual({
      ok: true,
      text: 'Write to Appeals Unit, PO Box 100, Dallas, TX 75201. Codes: CO-50 ($240.50): These are non-covered services because this is not deemed a medical necessity by the payer.',
    });
  });

  it('keeps the indentation of a field alone on its line', () => {
    const result = mergeLetter('Enclosed:\n  {{claim.lines}}', facts());
    expect(result.ok && result.text.split('\n')[1]).toBe('  - October 3, 2026 · 99214-25 · 1 unit — billed $200, paid $0');
  });

  it('shows one date when the service was on one day', () => {
    const f = facts();
    f.claim.serviceTo = null;
    expect(mergeLetter('{{claim.service_dates}}', f)).toEqual({ ok: true, text: 'October 3, 2026' });
  });

  it('reports every missing field by name and label, and makes no letter', () => {
    const f = facts();
    f.patient.memberId = '  ';
    f.organization.tin = null;
    f.organization.contactPhone = null;
    f.organization.contactEmail = null;
    f.denial.adjustments = [{ group: 'CO', code: '999', description: null, amountCents: 100 }];
    expect(mergeLetter('{{patient.member_id}} {{organization.tin}} {{organization.contact}} {{denial.reasons}} {{claim.number}}', f)).toEqual({
      ok: false,
      unknown: [],
      missing: [
        { field: 'patient.member_id', label: 'Member id', why: 'the remittance carries no member id' },
        { field: 'organization.tin', label: 'Organisation TIN', why: 'set it in Settings → Organisation' },
        { field: 'organization.contact', label: 'Organisation contact', why: 'set a contact name and a phone or email in Settings → Organisation' },
        { field: 'denial.reasons', label: 'Denial reasons (CARC)', why: 'no official description for CO-999' },
      ],
    });
  });

  it('refuses unknown and malformed fields', () => {
    expect(templateFields('Dear {{patient.name}}, {{patient.ssn}} {{claim.number}')).toEqual({
      known: ['patient.name'],
      unknown: ['patient.ssn', '{{claim.number}'],
    });
    expect(mergeLetter('{{patient.ssn}}', facts())).toEqual({ ok: false, missing: [], unknown: ['patient.ssn'] });
  });

  it('writes long dates by hand', () => {
    expect(longDate('2026-01-09')).toBe('January 9, 2026');
    expect(longDate('2024-02-29')).toBe('February 29, 2024');
  });
});

describe('letter format', () => {
  it('reads headings, paragraphs with kept line breaks, bulleted and numbered lists, and bold', () => {
    const blocks = parseLetter('# Appeal\n\nDear Sir,\nsecond line\n\n- one\n* two\n1. first\n3) second\n\n## **Claim** CLM-1\nText after');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: 'Appeal', bold: false }] },
      { kind: 'paragraph', lines: [[{ text: 'Dear Sir,', bold: false }], [{ text: 'second line', bold: false }]] },
      { kind: 'list', ordered: false, items: [[{ text: 'one', bold: false }], [{ text: 'two', bold: false }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'first', bold: false }], [{ text: 'second', bold: false }]] },
      { kind: 'heading', level: 2, runs: [{ text: 'Claim', bold: true }, { text: ' CLM-1', bold: false }] },
      { kind: 'paragraph', lines: [[{ text: 'Text after', bold: false }]] },
    ]);
    expect(letterPlainText(blocks)).toBe('Appeal\n\nDear Sir,\nsecond line\n\n• one\n• two\n\n1. first\n2. second\n\nClaim CLM-1\n\nText after');
  });

  it('keeps markup-looking text as text: no HTML, unmatched bold marks stay', () => {
    expect(parseRuns('<b>x</b> **open')).toEqual([{ text: '<b>x</b> **open', bold: false }]);
    expect(parseRuns('a ****')).toEqual([{ text: 'a ****', bold: false }]);
    expect(parseLetter('\r\n\r\nx\r\n')).toEqual([{ kind: 'paragraph', lines: [[{ text: 'x', bold: false }]] }]);
  });
});
