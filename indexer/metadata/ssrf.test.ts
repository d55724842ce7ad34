import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CID } from 'multiformats/cid'
import * as json from 'multiformats/codecs/json'
import { sha256 } from 'multiformats/hashes/sha2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDatabase } from '../../test/setup'
import { MetadataRejectedError } from '../errors'
import { fetchMetadataBytes, PinnedAgent, pinnedLookup, type FetchOptions } from './fetch'
import { isPublicAddress } from './public-address'

// URLs from the chain must not reach private addresses (SSRF), directly, through a name that
// resolves there, or through a redirect; the operator's gateway may be local. There is no network
// here beyond 127.0.0.1, so public hosts are only classified, never fetched.

const db = useTempDatabase()
let target: http.Server // stands for an internal service: must never see a connection
let targetPort = 0
let connections = 0
let gateway: http.Server
let gatewayUrl = ''
const goodDoc = new TextEncoder().encode('{"title":"ok"}')
let goodCid = ''

beforeAll(async () => {
  target = http.createServer((_req, res) => res.end('{"title":"internal"}'))
  target.on('connection', () => connections++)
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
  targetPort = (target.address() as AddressInfo).port

  goodCid = CID.createV1(json.code, await sha256.digest(goodDoc)).toString()
  gateway = http.createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname
    if (path === `/ipfs/${goodCid}`) return res.end(Buffer.from(goodDoc))
    if (path.startsWith('/ipfs/to-localhost')) return res.writeHead(302, { location: `https://localhost:${targetPort}/latest` }).end()
    if (path.startsWith('/ipfs/to-metadata')) return res.writeHead(302, { location: 'https://169.254.169.254/latest/meta-data' }).end()
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/ipfs/`
})
afterAll(async () => {
  await new Promise<void>((resolve) => target.close(() => resolve()))
  await new Promise<void>((resolve) => gateway.close(() => resolve()))
})

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { db: db.db, gatewayUrl, timeoutMs: 2_000, maxBytes: 64 * 1024, ...overrides }
}

describe('isPublicAddress', () => {
  const cases: [string, boolean][] = [
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2606:4700::1111', true],
    ['2001:4860:4860::8888', true],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::808:808', true], // NAT64 of 8.8.8.8
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.0.0.1', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['198.18.0.1', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fc00::1', false],
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:169.254.169.254', false],
    ['64:ff9b::a00:1', false], // NAT64 of 10.0.0.1
    ['::127.0.0.1', false], // IPv4-compatible (deprecated)
    ['2001:db8::1', false],
    ['2002:a00:1::1', false], // 6to4
    ['[::1]', false],
    ['localhost', false], // not an address at all
  ]
  it.each(cases)('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })
  it('still counts the neighbours of private blocks as public', () => {
    for (const address of ['9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '169.253.255.255', '223.255.255.255']) {
      expect(isPublicAddress(address), address).toBe(true)
    }
  })
})

describe('fetching untrusted URLs', () => {
  it.each([
    ['an IPv4 literal', () => `https://127.0.0.1:${targetPort}/x`, '127.0.0.1'],
    ['a decimal IPv4 literal', () => `https://2130706433:${targetPort}/x`, '127.0.0.1'],
    ['an IPv4-mapped IPv6 literal', () => `https://[::ffff:127.0.0.1]:${targetPort}/x`, '::ffff:7f00:1'],
    ['localhost', () => `https://localhost:${targetPort}/x`, '127.0.0.1'],
  ])('refuses %s before connecting', async (_name, url, address) => {
    const error = await fetchMetadataBytes(url(), options()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MetadataRejectedError)
    expect((error as Error).message).toMatch(/resolves to a private address \((.+)\): refused$/)
    expect((error as Error).message).toContain(`(${address})`)
    expect(connections).toBe(0)
  })

  it('still fetches from the configured gateway on 127.0.0.1', async () => {
    const { bytes, source } = await fetchMetadataBytes(`ipfs://${goodCid}`, options())
    expect(source).toBe('gateway')
    expect(new TextDecoder().decode(bytes)).toBe('{"title":"ok"}')
  })

  it('refuses a redirect from the gateway to a private https host', async () => {
    for (const [path, message] of [
      ['to-localhost', `https://localhost:${targetPort}/ resolves to a private address (127.0.0.1): refused`],
      ['to-metadata', 'https://169.254.169.254/ resolves to a private address (169.254.169.254): refused'],
    ]) {
      const error = await fetchMetadataBytes(`ipfs://${goodCid}`, options({ gatewayUrl: `${gatewayUrl}${path}#` })).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(MetadataRejectedError)
      expect((error as Error).message).toBe(message)
    }
    expect(connections).toBe(0)
  })

  it('connects untrusted requests to the checked addresses only (no second DNS lookup)', async () => {
    // Node 20 bundles undici; without its Agent the fetch falls back to check-then-fetch.
    expect(PinnedAgent).toBeDefined()
    const agent = new PinnedAgent!({ connect: { lookup: pinnedLookup('pinned.invalid', [{ address: '127.0.0.1', family: 4 }]) } })
    try {
      // `.invalid` never resolves in DNS: reaching the server proves the pinned address was used.
      const res = await fetch(`http://pinned.invalid:${new URL(gatewayUrl).port}/ipfs/${goodCid}`, { dispatcher: agent } as RequestInit)
      expect(await res.text()).toBe('{"title":"ok"}')
    } finally {
      await agent.destroy()
    }
    const lookup = pinnedLookup('pinned.invalid', [{ address: '127.0.0.1', family: 4 }])
    const answer = await new Promise<unknown>((resolve) => lookup('other.example', {}, (err, address) => resolve(err ?? address)))
    expect((answer as Error).message).toBe('unexpected lookup of other.example')
  })
})
