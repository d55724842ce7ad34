import { isIPv4, isIPv6 } from 'node:net'

// Says whether an IP address is on the public internet, so URLs found on chain cannot make the
// indexer reach loopback, private networks, cloud metadata (169.254.169.254) and the like (SSRF).
// Deny by default: IPv4 minus the IANA special-purpose blocks; IPv6 only inside global unicast
// (2000::/3) minus its special blocks, with the IPv4 embedded in mapped/NAT64 addresses judged as IPv4.

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

const GLOBAL_V6: [bigint, number] = [v6ToBigInt('2000::'), 3]
const PRIVATE_GLOBAL_V6: [bigint, number][] = [
  [v6ToBigInt('2001::'), 23], // IETF protocol assignments, incl. Teredo
  [v6ToBigInt('2001:db8::'), 32], // documentation
  [v6ToBigInt('2002::'), 16], // 6to4: tunnels to an arbitrary IPv4
  [v6ToBigInt('3fff::'), 20], // documentation
]
// These carry an IPv4 address in their low 32 bits that is what actually gets reached.
const EMBEDDING_V6: [bigint, number][] = [
  [v6ToBigInt('::ffff:0:0'), 96], // IPv4-mapped
  [v6ToBigInt('64:ff9b::'), 96], // NAT64 well-known prefix
]

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '') // URL brackets, zone id
  if (isIPv4(bare)) {
    const ip = v4ToInt(bare)
    return !PRIVATE_V4.some(([net, bits]) => inPrefix(BigInt(ip), BigInt(v4ToInt(net)), bits, 32))
  }
  if (!isIPv6(bare)) return false // not an IP address at all
  const ip = v6ToBigInt(bare)
  if (EMBEDDING_V6.some(([net, bits]) => inPrefix(ip, net, bits, 128))) return isPublicAddress(intToV4(Number(ip & 0xffffffffn)))
  return inPrefix(ip, GLOBAL_V6[0], GLOBAL_V6[1], 128) && !PRIVATE_GLOBAL_V6.some(([net, bits]) => inPrefix(ip, net, bits, 128))
}

function inPrefix(ip: bigint, net: bigint, bits: number, width: number): boolean {
  const shift = BigInt(width - bits)
  return ip >> shift === net >> shift
}

function v4ToInt(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

function intToV4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

/** Parses an address `isIPv6` accepted (without zone id): `::` compression and a trailing dotted IPv4. */
function v6ToBigInt(address: string): bigint {
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  const text = dotted ? `${dotted[1]}${(v4ToInt(dotted[2]!) >>> 16).toString(16)}:${(v4ToInt(dotted[2]!) & 0xffff).toString(16)}` : address
  const [head = '', tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const words = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return words.reduce((n, word) => (n << 16n) | BigInt(parseInt(word, 16)), 0n)
}
