import { describe, expect, it } from 'vitest';
import { addressThrottleKey, clientAddress, normalizeAddress } from '@/lib/domain/client-address';

describe('the client address behind trusted proxies', () => {
  it.each([
    // [X-Forwarded-For, trusted hops, client]
    ['203.0.113.7', 0, null],
    ['203.0.113.7', 1, '203.0.113.7'],
    ['6.6.6.6, 203.0.113.7', 1, '203.0.113.7'],
    ['6.6.6.6, 203.0.113.7, 10.0.0.2', 2, '203.0.113.7'],
    ['203.0.113.7, 10.0.0.2', 2, '203.0.113.7'],
    ['10.0.0.2', 2, null],
    ['  198.51.100.1  ,   203.0.113.7 ', 1, '203.0.113.7'],
    ['', 1, null],
    [null, 1, null],
    ['unknown', 1, null],
    ['6.6.6.6, not-an-ip', 1, null],
    ['2001:DB8::1', 1, '2001:db8::1'],
    ['[2001:db8::1]:4711', 1, '2001:db8::1'],
    ['203.0.113.7:51234', 1, '203.0.113.7'],
    ['::ffff:203.0.113.7', 1, '203.0.113.7'],
  ] as const)('reads %j with %i trusted hop(s) as %j', (header, hops, expected) => {
    expect(clientAddress(header, hops)).toBe(expected);
  });

  it('ignores a forged header entirely when no proxy is trusted', () => {
    expect(clientAddress('1.2.3.4', 0)).toBeNull();
  });
});

describe('address spelling', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['::', '::'],
    ['fe80::1:2', 'fe80::1:2'],
    ['64:ff9b::192.0.2.33', '64:ff9b::192.0.2.33'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8:0:0:0:0:0:1'],
  ])('accepts %j', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', 'example.org', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::1', 'fe80::1%eth0', ':::1', '1.2.3.4.5'])(
    'refuses %j',
    (raw) => {
      expect(normalizeAddress(raw)).toBeNull();
    },
  );
});

describe('throttle keys', () => {
  it('counts an IPv4 address on its own', () => {
    expect(addressThrottleKey('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts a whole IPv6 /64 as one client, however it is spelt', () => {
    expect(addressThrottleKey('2001:db8:0:5::1')).toBe('2001:db8:0:5::/64');
    expect(addressThrottleKey('2001:0db8:0000:0005:ffff:1:2:3')).toBe('2001:db8:0:5::/64');
  });
});
