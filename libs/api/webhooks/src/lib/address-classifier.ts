import { BlockList, isIP } from 'node:net';

const IPV4_NOT_PUBLIC = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const;

/*
 * IPv6 forms that carry an IPv4 address. Two are judged by the IPv4 address inside them:
 * - IPv4-mapped `::ffff:0:0/96`: BlockList matches it against the IPv4 rules itself.
 * - NAT64's well-known prefix `64:ff9b::/96` (RFC 6052): the IPv4 address is the last 32 bits, so
 *   each IPv4 range is refused again under that prefix. Hosts on IPv6-only networks with DNS64
 *   reach every IPv4-only receiver through it, so refusing it whole would refuse them all.
 * The others are refused whole (see IPV6_NOT_PUBLIC): where the IPv4 address sits is the
 * operator's choice (NAT64 local-use), or the form is deprecated and the address in it is a relay,
 * not the receiver (6to4, Teredo), or the form is never routed on the internet (IPv4-compatible,
 * which automatic tunnels send to the embedded address, and SIIT's IPv4-translated).
 */
const NAT64_WELL_KNOWN_PREFIX = '64:ff9b::';

const IPV6_NOT_PUBLIC = [
  ['::', 96], // unspecified, loopback, and IPv4-compatible (::127.0.0.1)
  ['::ffff:0:0:0', 96], // SIIT IPv4-translated (::ffff:0:127.0.0.1)
  ['64:ff9b:1::', 48], // NAT64 local-use
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local, AWS metadata (fd00:ec2::254)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const;

const notPublic = new BlockList();
for (const [network, prefix] of IPV4_NOT_PUBLIC) {
  notPublic.addSubnet(network, prefix, 'ipv4');
  notPublic.addSubnet(`${NAT64_WELL_KNOWN_PREFIX}${network}`, 96 + prefix, 'ipv6');
}
for (const [network, prefix] of IPV6_NOT_PUBLIC) notPublic.addSubnet(network, prefix, 'ipv6');

/**
 * Whether an address is one a webhook must never reach: private, loopback, link-local, multicast,
 * metadata or otherwise non-public, in IPv4 or IPv6, including every IPv6 form that embeds an IPv4
 * address (see above). Anything that is not an IP address counts as forbidden.
 */
export function isForbiddenAddress(address: string): boolean {
  const unbracketed = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(unbracketed);
  if (family === 0) return true;
  return notPublic.check(unbracketed, family === 4 ? 'ipv4' : 'ipv6');
}
