import fs from 'node:fs'
import path from 'node:path'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { describe, expect, it } from 'vitest'
import { devnetAccounts } from '#devnet/accounts'
import { HttpBrowser } from '../../test/http-browser'
import { fetchWithIndependentIpfsNode } from '../../test/independent-ipfs-node'
import { startPortalServer } from '../../test/portal-server'

// Issue 23, point 7: a document the portal stores is fetchable by any IPFS client by its CID.
// The real web server (its IPFS node on a free 127.0.0.1 port) stores a document through POST
// /ipfs; a second, independent IPFS node in its own process (test/ipfs-peer.ts) dials it over
// TCP, wants the CID over Bitswap and checks the bytes against the CID. The same block comes
// from the server's trustless gateway too.

const server = await startPortalServer({ env: { IPFS_NODE: 'on' } })

async function storeThroughThePortal(reason: string): Promise<string> {
  const browser = new HttpBrowser(server.origin)
  await browser.signIn(devnetAccounts[2]!)
  const form = new FormData()
  for (const [name, value] of Object.entries({ intent: 'cancel', chainId: '31337', taskId: '0', reason })) form.set(name, value)
  const response = await browser.fetch('/ipfs', { method: 'POST', body: form, headers: { Accept: 'application/json' } })
  expect(response.status).toBe(201)
  return ((await response.json()) as { cid: string }).cid
}

describe('the portal’s IPFS node', () => {
  it('listens on 127.0.0.1 only, under a peer ID, and says where in DATA_DIR/ipfs/node.json', () => {
    expect(server.ipfsMultiaddrs.length).toBeGreaterThan(0)
    for (const address of server.ipfsMultiaddrs) expect(address).toMatch(/^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\/12D3KooW\w+$/)
    const nodeFile = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'ipfs', 'node.json'), 'utf8')) as { peerId: string; multiaddrs: string[] }
    expect(nodeFile.multiaddrs).toEqual(server.ipfsMultiaddrs)
    expect(server.ipfsMultiaddrs[0]).toContain(`/p2p/${nodeFile.peerId}`)
  })

  it('gives an independent IPFS node the exact bytes of a document the portal stored, verified against its CID', { timeout: 90_000 }, async () => {
    const cid = await storeThroughThePortal('The budget moved to the next quarter.')
    const served = await fetch(`${server.origin}/ipfs/${cid}`)
    const documentBytes = Buffer.from(await served.arrayBuffer())

    const answer = await fetchWithIndependentIpfsNode(server.ipfsMultiaddrs[0]!, cid)
    expect(answer.error).toBeUndefined()
    expect(answer.verified).toBe(true)
    const bytes = answer.bytes!
    expect(bytes.equals(documentBytes)).toBe(true)
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ reason: '<p>The budget moved to the next quarter.</p>' })
    // Checked here too: the bytes hash to the CID the portal answered.
    expect(Buffer.from((await sha256.digest(bytes)).digest).equals(Buffer.from(CID.parse(cid).multihash.digest))).toBe(true)

    // The trustless gateway of the same server answers the same block, with HEAD as well.
    const raw = await fetch(`${server.origin}/ipfs/${cid}`, { headers: { Accept: 'application/vnd.ipld.raw' } })
    expect(raw.headers.get('content-type')).toBe('application/vnd.ipld.raw')
    expect(Buffer.from(await raw.arrayBuffer()).equals(bytes)).toBe(true)
    const head = await fetch(`${server.origin}/ipfs/${cid}?format=raw`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(`"${cid}.raw"`)
    expect((await head.arrayBuffer()).byteLength).toBe(0)
  })

  it('has nothing to give for a CID it does not store: the peer’s want times out', { timeout: 60_000 }, async () => {
    const unknown = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode('{"never":"stored"}'))).toString()
    const answer = await fetchWithIndependentIpfsNode(server.ipfsMultiaddrs[0]!, unknown, 3_000)
    expect(answer.bytes).toBeUndefined()
    expect(answer.error).toBeTruthy()
  })
})
