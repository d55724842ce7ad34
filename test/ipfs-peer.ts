// A second, independent IPFS node for the tests, run as its own process (`tsx test/ipfs-peer.ts`):
// libp2p over TCP with Helia's Bitswap and an in-memory blockstore, sharing none of the portal's
// IPFS code (only the Node 20 Promise.withResolvers shim libp2p needs; its no-op routing is
// written out again on purpose). Given a peer's multiaddr and a CID it dials the peer, wants the CID over Bitswap,
// checks the bytes' sha2-256 against the CID's multihash itself, and prints one JSON line:
// {"cid", "bytes" (base64), "verified"}. Bitswap verifies received blocks too; the check here
// makes the test's claim explicit. Exit code 1 with {"error"} when anything fails.
//
//   tsx test/ipfs-peer.ts <multiaddr> <cid> [timeoutMs]

import '../server/ipfs/promise-with-resolvers'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { createBitswap } from '@helia/bitswap'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'

type Block = { cid: CID; block: Uint8Array }

/** The least blockstore Bitswap needs: blocks it received, kept in memory. */
function memoryBlockstore() {
  const blocks = new Map<string, Block>()
  const get = (cid: CID) => {
    const found = blocks.get(cid.toString())
    if (!found) throw Object.assign(new Error(`no block ${cid}`), { name: 'NotFoundError' })
    return found.block
  }
  return {
    has: (cid: CID) => blocks.has(cid.toString()),
    get,
    put: (cid: CID, block: Uint8Array) => (blocks.set(cid.toString(), { cid, block }), cid),
    async *putMany(source: AsyncIterable<Block> | Iterable<Block>) {
      for await (const pair of source) yield (blocks.set(pair.cid.toString(), pair), pair.cid)
    },
    async *getMany(source: AsyncIterable<CID> | Iterable<CID>) {
      for await (const cid of source) yield { cid, block: get(cid) }
    },
    async *getAll() {
      yield* blocks.values()
    },
    delete: (cid: CID) => void blocks.delete(cid.toString()),
    async *deleteMany(source: AsyncIterable<CID> | Iterable<CID>) {
      for await (const cid of source) yield (blocks.delete(cid.toString()), cid)
    },
  }
}

const noRouting = {
  async *findProviders() {},
  async provide() {},
  async cancelReprovide() {},
  async put() {},
  async get(): Promise<never> {
    throw new Error('no routing')
  },
  async *findPeer() {},
  async *getClosestPeers() {},
}

async function main() {
  const [address, cidText, timeoutText = '20000'] = process.argv.slice(2)
  if (!address || !cidText) throw new Error('usage: tsx test/ipfs-peer.ts <multiaddr> <cid> [timeoutMs]')
  const cid = CID.parse(cidText)
  const libp2p = await createLibp2p({
    addresses: { listen: [] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify() },
  })
  const bitswap = createBitswap({ libp2p, blockstore: memoryBlockstore(), routing: noRouting, logger: libp2p.logger } as never)
  await bitswap.start()
  try {
    const signal = AbortSignal.timeout(Number(timeoutText))
    await libp2p.dial(multiaddr(address), { signal })
    const bytes = await bitswap.want(cid as never, { signal })
    const digest = await sha256.digest(bytes)
    const verified = cid.multihash.code === sha256.code && Buffer.from(digest.digest).equals(Buffer.from(cid.multihash.digest))
    process.stdout.write(`${JSON.stringify({ cid: cid.toString(), bytes: Buffer.from(bytes).toString('base64'), verified })}\n`)
  } finally {
    await bitswap.stop()
    await libp2p.stop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`)
    process.exit(1)
  },
)
