import { describe, expect, it } from 'vitest';
import { draftAppealLetter, letterFilename, letterheadMissing } from '@/lib/domain/appeals/appeal-letter';
import { completeLetterFacts } from '../../support/letter-facts';

describe('draftAppealLetter', () => {
  it('merges a template when the letterhead and every named field have values', () => {
    expect(draftAppealLetter('Re: {{claim.number}}', completeLetterFacts)).toEqual({ ok: true, text: 'Re: CLM-0042' });
  });

  it('reports the letterhead’s NPI by name even when the template does not name it, and a named field once', () => {
    const facts = structuredClone(completeLetterFacts);
    facts.organization.npi = null;
    facts.patient.memberId = null;
    const result = draftAppealLetter('{{organization.npi}} {{patient.member_id}}', facts);
    expect(result).toMatchObject({ ok: false, missing: [{ field: 'organization.npi', label: 'Organisation NPI' }, { field: 'patient.member_id', label: 'Member id' }] });
    expect(letterheadMissing(facts).map((m) => m.label)).toEqual(['Organisation NPI']);
  });
});

describe('letterFilename', () => {
  it('keeps ASCII letters, digits and dashes, and names the level', () => {
    expect(letterFilename('CLM-0042', '1')).toBe('appeal-letter-CLM-0042-L1.pdf');
    expect(letterFilename('Zoë/../"x"', 'external')).toBe('appeal-letter-Zoe-x-external.pdf');
    expect(letterFilename('***', '2')).toBe('appeal-letter-claim-L2.pdf');
  });
});
