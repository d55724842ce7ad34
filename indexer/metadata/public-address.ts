import { BlockList, isIPv4, isIPv6 } from 'node:net'

// Says whether an IP address is on the public internet, so URLs found on chain cannot make the
// indexer reach loopback, private networks, cloud metadata (169.254.169.254) and the like (SSRF).
// Deny by default: IPv4 minus the IANA special-purpose blocks; IPv6 only inside global unicast
// (2000::/3) minus its special blocks, with the IPv4 embedded in mapped/NAT64 addresses judged as
// IPv4. The prefix matching is node:net's BlockList.

const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
]

const PRIVATE_GLOBAL_V6: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments, incl. Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: tunnels to an arbitrary IPv4
  ['3fff::', 20], // documentation
]

function blockList(subnets: [string, number][], type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList()
  for (const [net, bits] of subnets) list.addSubnet(net, bits, type)
  return list
}

// BlockList judges an IPv4-mapped IPv6 address (::ffff:a.b.c.d) by its IPv4 rules.
const privateV4 = blockList(PRIVATE_V4, 'ipv4')
const mappedV4 = blockList([['::ffff:0:0', 96]], 'ipv6')
// NAT64 (64:ff9b::/96) carries an IPv4 address in its low 32 bits: the same blocks, shifted there.
const nat64 = blockList([['64:ff9b::', 96]], 'ipv6')
const privateNat64 = blockList(PRIVATE_V4.map(([net, bits]) => [`64:ff9b::${net}`, 96 + bits]), 'ipv6')
const globalV6 = blockList([['2000::', 3]], 'ipv6')
const privateGlobalV6 = blockList(PRIVATE_GLOBAL_V6, 'ipv6')

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '') // URL brackets, zone id
  if (isIPv4(bare)) return !privateV4.check(bare, 'ipv4')
  if (!isIPv6(bare)) return false // not an IP address at all
  if (mappedV4.check(bare, 'ipv6')) return !privateV4.check(bare, 'ipv6')
  if (nat64.check(bare, 'ipv6')) return !privateNat64.check(bare, 'ipv6')
  return globalV6.check(bare, 'ipv6') && !privateGlobalV6.check(bare, 'ipv6')
}
