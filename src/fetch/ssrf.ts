// SSRF guard: which IP addresses a fetcher must never connect to, and a DNS lookup for undici's
// `connect.lookup` that checks the very address the socket will connect to (no DNS-rebinding gap).
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/** Resolves a host name to all its addresses (the injectable part of the guard; tests map fake names). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (getaddrinfo through dns.lookup, all addresses, in resolver order). */
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) reject(err);
      else resolve(addresses);
    });
  });

type Cidr4 = readonly [base: string, bits: number];

/** IPv4 ranges that are not globally reachable unicast (RFC 6890 special-purpose registry + multicast). */
const BLOCKED_V4: readonly Cidr4[] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT shared address space
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1 documentation
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2 documentation
  ['203.0.113.0', 24], // TEST-NET-3 documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
];

function v4ToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

const BLOCKED_V4_INT = BLOCKED_V4.map(([base, bits]) => {
  const b = v4ToInt(base)!;
  const size = 2 ** (32 - bits);
  return [b, b + size - 1] as const;
});

function isBlockedV4Int(n: number): boolean {
  return BLOCKED_V4_INT.some(([lo, hi]) => n >= lo && n <= hi);
}

/** Parse an IPv6 address (optionally with an embedded dotted IPv4 tail) into 8 16-bit groups. */
function parseV6(ip: string): number[] | null {
  let s = ip;
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) return null;
  if (s.includes('.', lastColon)) {
    // rewrite the dotted IPv4 tail as two hex groups: ::ffff:127.0.0.1 -> ::ffff:7f00:1
    const v4 = v4ToInt(s.slice(lastColon + 1));
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const parse = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const halves = s.split('::');
  if (halves.length > 2) return null;
  if (halves.length === 1) {
    const all = parse(s);
    return all && all.length === 8 ? all : null;
  }
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  if (!head || !rest) return null;
  const fill = 8 - head.length - rest.length;
  if (fill < 1) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...rest];
}

function groupsToV4(g: number[], from: number): number {
  return g[from] * 65536 + g[from + 1];
}

/**
 * True when `ip` must not be fetched: loopback, private, CGNAT, link-local, multicast, reserved,
 * unspecified, documentation and benchmarking ranges, IPv6 ULA/link-local/site-local, and IPv4 addresses
 * embedded in IPv6 (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, 64:ff9b::/96 NAT64, 2002::/16 6to4) when
 * the embedded IPv4 is blocked. IPv6 outside global unicast 2000::/3 is blocked. A string that is not an
 * IP address is treated as blocked (the guard fails closed). Brackets and zone ids ("%eth0") are ignored.
 */
export function isPrivateAddress(ip: string): boolean {
  let s = ip.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const fam = isIP(s);
  if (fam === 4) {
    const n = v4ToInt(s);
    return n === null ? true : isBlockedV4Int(n);
  }
  if (fam !== 6) return true;
  const g = parseV6(s);
  if (!g || g.length !== 8) return true;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (IPv4-mapped): checked as IPv4
  if (zeros(0, 5) && g[5] === 0xffff) return isBlockedV4Int(groupsToV4(g, 6));
  // ::/96: unspecified ::, loopback ::1, deprecated IPv4-compatible ::a.b.c.d -- never globally routed
  if (zeros(0, 6)) return true;
  // 64:ff9b::/96 well-known NAT64 prefix: reaches the embedded IPv4, so check that
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return isBlockedV4Int(groupsToV4(g, 6));
  // 2002::/16 6to4: embedded IPv4 in groups 1-2
  if (g[0] === 0x2002) return isBlockedV4Int(groupsToV4(g, 1));
  // only 2000::/3 is global unicast (this excludes fc00::/7 ULA, fe80::/10 link-local, fec0::/10, ff00::/8
  // multicast, 100::/64 discard, 64:ff9b:1::/48 local NAT64)
  if ((g[0] & 0xe000) !== 0x2000) return true;
  // 2001::/23 IETF special-purpose (Teredo, benchmarking 2001:2::/48, ORCHID ...)
  if (g[0] === 0x2001 && g[1] < 0x0200) return true;
  // 2001:db8::/32 and 3fff::/20 documentation
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true;
  if (g[0] === 0x3fff && g[1] < 0x1000) return true;
  return false;
}

/** Normalise a URL hostname for comparisons and literal-IP checks: lower-case, no brackets, no trailing dot. */
export function bareHost(hostname: string): string {
  let h = hostname.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}
