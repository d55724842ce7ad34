import './promise-with-resolvers'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { createBitswap } from '@helia/bitswap'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import type { Db } from '#db/client'
import { contentBlockstore } from './content-blockstore'
import { loadOrCreatePeerKey } from './peer-key'

// The portal's IPFS node: libp2p over TCP (noise, yamux, identify) speaking Bitswap 1.2 — the
// block exchange every IPFS implementation (kubo, Helia, boxo) uses — with the content store as
// its blockstore. Any IPFS node that connects to it can want a document's CID and gets the bytes,
// which it checks against the CID itself. It only answers: no bootstrap peers, no DHT, no mDNS,
// no relay or NAT traversal, no dialing out; it listens where IPFS_LISTEN says (127.0.0.1 by
// default). docs/decisions/032.

export type IpfsNodeOptions = {
  db: Db
  /** TCP multiaddrs to listen on, e.g. /ip4/127.0.0.1/tcp/4001 (port 0: any free port). */
  listen: string[]
  /** Addresses to tell peers instead of the listening ones (a public DNS name behind NAT). */
  announce: string[]
  /** Where the node's identity key is kept. */
  peerKeyFile: string
}

export type IpfsNode = {
  peerId: string
  /** Where peers reach the node, each ending /p2p/<peerId>. */
  multiaddrs: string[]
  stop: () => Promise<void>
}

/** Routing with nothing in it: the node neither finds nor announces providers anywhere. */
const noRouting = {
  async *findProviders() {},
  async provide() {},
  async cancelReprovide() {},
  async put() {},
  async get(): Promise<never> {
    throw new Error('no content routing: the portal’s node only answers peers that connect to it')
  },
  async *findPeer() {},
  async *getClosestPeers() {},
} as unknown as Parameters<typeof createBitswap>[0]['routing']

export async function startIpfsNode(options: IpfsNodeOptions): Promise<IpfsNode> {
  const privateKey = await loadOrCreatePeerKey(options.peerKeyFile)
  const libp2p = await createLibp2p({
    privateKey: privateKey as never,
    addresses: { listen: options.listen, announce: options.announce },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify() },
  })
  const bitswap = createBitswap({
    libp2p: libp2p as never,
    blockstore: contentBlockstore(options.db) as never,
    routing: noRouting,
    logger: libp2p.logger as never,
  })
  try {
    await bitswap.start()
  } catch (error) {
    await libp2p.stop()
    throw error
  }
  return {
    peerId: libp2p.peerId.toString(),
    multiaddrs: libp2p.getMultiaddrs().map(String),
    stop: async () => {
      await bitswap.stop()
      await libp2p.stop()
    },
  }
}
