import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/fetch/ssrf.js';
import { parseRetryAfter } from '../../src/fetch/fetcher.js';

describe('isPrivateAddress', () => {
  // [address, blocked] -- edges of every range in the issue, plus public neighbours just outside them
  const cases: Array<[string, boolean]> = [
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['10.0.0.0', true],
    ['10.255.255.255', true],
    ['11.0.0.0', false],
    ['9.255.255.255', false],
    ['172.16.0.0', true],
    ['172.31.255.255', true],
    ['172.15.255.255', false],
    ['172.32.0.0', false],
    ['192.168.0.1', true],
    ['192.169.0.1', false],
    ['100.64.0.0', true],
    ['100.127.255.255', true],
    ['100.63.255.255', false],
    ['100.128.0.0', false],
    ['169.254.169.254', true],
    ['169.254.0.1', true],
    ['169.255.0.1', false],
    ['224.0.0.1', true],
    ['239.255.255.250', true],
    ['0.0.0.0', true],
    ['0.1.2.3', true],
    ['240.0.0.1', true],
    ['255.255.255.255', true],
    ['192.0.2.1', true],
    ['198.51.100.7', true],
    ['203.0.113.200', true],
    ['198.18.0.1', true],
    ['198.19.255.255', true],
    ['198.17.255.255', false],
    ['198.20.0.0', false],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['1.1.1.1', false],
    // IPv6
    ['::', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.1.2.3', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::10.0.0.1', true],
    ['64:ff9b::7f00:1', true],
    ['64:ff9b::8.8.8.8', false],
    ['2001:db8::1', true],
    ['2001:db8:ffff::1', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['febf::1', true],
    ['ff02::1', true],
    ['2002:7f00:1::1', true], // 6to4 wrapping 127.0.0.1
    ['2002:808:808::1', false], // 6to4 wrapping 8.8.8.8
    ['2001:4860:4860::8888', false],
    ['2606:4700:4700::1111', false],
    ['2400:cb00::1', false],
  ];
  it.each(cases)('%s -> blocked %s', (ip, blocked) => {
    expect(isPrivateAddress(ip)).toBe(blocked);
  });

  it('fails closed on things that are not IP addresses', () => {
    for (const s of ['', 'localhost', 'example.com', '1.2.3', '256.1.1.1', '1::2::3', '::ffff:1.2.3.4.5', 'gggg::1']) {
      expect(isPrivateAddress(s)).toBe(true);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0); // in the past: retry now
  });
  it('ignores garbage', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
