import { describe, expect, it } from 'vitest';
import { einProblem, luhnValid, normalizeEin, npiProblem } from '@/lib/domain/identifiers';
import { letterheadFacts, organizationInput } from '@/lib/domain/contracts/organization';

describe('the NPI check digit (Luhn over 80840 + the first nine digits)', () => {
  it.each([
    ['1234567893', null], // CMS's worked example
    ['1245319599', null],
    ['2000000002', null],
  ])('accepts %s', (npi, problem) => {
    expect(npiProblem(npi)).toBe(problem);
  });

  it.each([
    ['1234567890', 'check digit'],
    ['1234567894', 'check digit'],
    ['1245319590', 'check digit'],
    ['123456789', '10 digits'],
    ['12345678931', '10 digits'],
    ['12345A7893', '10 digits'],
    ['3234567893', 'starts with 1'],
  ])('refuses %s (%s)', (npi, why) => {
    expect(npiProblem(npi)).toContain(why);
  });

  it('checks with the 80840 prefix, not the bare ten digits', () => {
    expect(luhnValid('808401234567893')).toBe(true);
    expect(luhnValid('1234567893')).toBe(false);
  });
});

describe('the TIN is an EIN, NN-NNNNNNN', () => {
  it.each([
    ['37-1234567', '37-1234567'],
    ['371234567', '37-1234567'],
    [' 37-1234567 ', '37-1234567'],
  ])('reads %j as %s', (tin, ein) => {
    expect(einProblem(tin)).toBeNull();
    expect(normalizeEin(tin)).toBe(ein);
  });

  it.each([['37-123456'], ['3-71234567'], ['37 1234567'], ['AB-1234567'], ['123-45-6789'], ['']])('refuses %j', (tin) => {
    expect(einProblem(tin)).toContain('NN-NNNNNNN');
  });

  it('refuses the 00 prefix, which the IRS never assigns', () => {
    expect(einProblem('00-1234567')).toContain('00');
  });
});

describe('the letterhead form', () => {
  const good = {
    version: 0,
    name: 'Riverside Family Practice',
    addressLines: ['12 Mill Road', '', 'Springfield, IL 62701'],
    npi: '1234567893',
    tin: '371234567',
    contactName: 'Dana Ortiz',
    contactPhone: '(217) 555-0100 ext. 12',
    contactEmail: 'Billing@Riverside.example',
  };

  it('keeps the address lines given, stores the EIN with its hyphen and the email in lower case', () => {
    const parsed = organizationInput.parse(good);
    expect(parsed).toMatchObject({ addressLines: ['12 Mill Road', 'Springfield, IL 62701'], tin: '37-1234567', contactEmail: 'billing@riverside.example' });
  });

  it('names each field that is wrong, with its reason', () => {
    const result = organizationInput.safeParse({ ...good, npi: '1234567890', tin: '37-12', contactPhone: '555', contactEmail: 'nope', name: ' ', addressLines: ['a', 'b', 'c', 'd', 'e'] });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields).toMatchObject({
      npi: expect.stringContaining('check digit'),
      tin: expect.stringContaining('NN-NNNNNNN'),
      contactPhone: expect.stringContaining('area code'),
      contactEmail: expect.stringContaining('email'),
      name: expect.stringContaining('name'),
      addressLines: expect.stringContaining('At most 4'),
    });
  });

  it('refuses an address with no line and a control character in a line', () => {
    expect(organizationInput.safeParse({ ...good, addressLines: ['', ' '] }).error?.issues[0]?.message).toContain('at least one line');
    expect(organizationInput.safeParse({ ...good, addressLines: ['12 Mill\u0007 Road'] }).error?.issues[0]?.message).toContain('U+0007');
  });
});

describe('the letterhead as a letter’s facts', () => {
  it('gives null for what is not set yet, so the merge names it', () => {
    const empty = { name: '', addressLines: [], npi: '', tin: '', contactName: '', contactPhone: '', contactEmail: '', version: 0, updatedAt: null };
    expect(letterheadFacts(empty)).toEqual({ name: null, addressLines: [], npi: null, tin: null, contactName: null, contactPhone: null, contactEmail: null });
    expect(letterheadFacts({ ...empty, name: 'Riverside', npi: '1234567893' })).toMatchObject({ name: 'Riverside', npi: '1234567893', tin: null });
  });
});
