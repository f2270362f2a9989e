import { describe, expect, it } from 'vitest';
import { maskAuditDetails, maskMemberId } from '@/lib/domain/audit-masking';

describe('maskMemberId', () => {
  it.each([
    ['MBR123456', '*****3456'],
    ['12345', '*2345'],
    ['1234', '****'],
    ['', ''],
  ])('masks %j as %j', (id, masked) => {
    expect(maskMemberId(id)).toBe(masked);
  });
});

describe('maskAuditDetails', () => {
  it('masks member ids under any spelling of the key, at any depth', () => {
    expect(
      maskAuditDetails({
        memberId: 'W123456789',
        member_id: 'ABCDEFG',
        subscriberNumber: 987654321,
        claims: [{ memberID: 'XYZ98765', pcn: 'PCN1' }],
        nested: { insured: { id: 'q' }, insuredId: null },
      }),
    ).toEqual({
      memberId: '******6789',
      member_id: '***DEFG',
      subscriberNumber: '*****4321',
      claims: [{ memberID: '****8765', pcn: 'PCN1' }],
      nested: { insured: { id: 'q' }, insuredId: null },
    });
  });

  it('leaves details without member ids as they are', () => {
    const details = { view: 'all', rows: 12, payer: ['a', 'b'], search: true, members: 3 };
    expect(maskAuditDetails(details)).toEqual(details);
    expect(maskAuditDetails(null)).toBeNull();
    expect(maskAuditDetails('text')).toBe('text');
  });
});
