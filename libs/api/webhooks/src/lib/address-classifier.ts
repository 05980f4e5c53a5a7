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

// Transition ranges (NAT64, Teredo, 6to4) can carry any IPv4 address inside them, private ones
// included, so they are refused whole rather than decoded.
const IPV6_NOT_PUBLIC = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
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
for (const [network, prefix] of IPV4_NOT_PUBLIC) notPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of IPV6_NOT_PUBLIC) notPublic.addSubnet(network, prefix, 'ipv6');

/**
 * Whether an address is one a webhook must never reach: private, loopback, link-local, multicast,
 * metadata or otherwise non-public, in IPv4 or IPv6, including IPv4-mapped IPv6 (`::ffff:127.0.0.1`,
 * which BlockList matches against the IPv4 rules). Anything that is not an IP address counts as forbidden.
 */
export function isForbiddenAddress(address: string): boolean {
  const unbracketed = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(unbracketed);
  if (family === 0) return true;
  return notPublic.check(unbracketed, family === 4 ? 'ipv4' : 'ipv6');
}
