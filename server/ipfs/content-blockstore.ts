import type { Blockstore, Pair } from 'interface-blockstore'
import { CID } from 'multiformats/cid'
import type { Db } from '#db/client'
import { getBlock } from '#db/content-store'

// The IPFS node's blockstore is the portal's content store itself: a document is a block the
// moment its row is committed, whoever wrote it (POST /ipfs in the web server, the devnet seed),
// with no second copy to keep in step. Read-only: the node serves blocks, it never stores what
// peers send (it asks for nothing), so every write is refused.

/** The error interface-store's blockstores throw for a missing block (callers test its name). */
class NotFoundError extends Error {
  override name = 'NotFoundError'
}

export function contentBlockstore(db: Db): Blockstore {
  // libp2p's CIDs come from its own multiformats copy: rebuilt from their bytes for the store.
  const read = async (cid: { bytes: Uint8Array }): Promise<Uint8Array | undefined> => getBlock(db, CID.decode(cid.bytes))
  const refuse = (): never => {
    throw new Error('the portal’s IPFS blockstore is read-only: documents are stored through the content store')
  }
  return {
    has: async (cid) => (await read(cid)) !== undefined,
    get: async (cid) => {
      const bytes = await read(cid)
      if (!bytes) throw new NotFoundError(`no block ${cid.toString()}`)
      return bytes
    },
    getMany: async function* (cids) {
      for await (const cid of cids) {
        const bytes = await read(cid)
        if (!bytes) throw new NotFoundError(`no block ${cid.toString()}`)
        yield { cid, block: bytes } satisfies Pair
      }
    },
    // Listing every document to a peer is not a thing the node does.
    getAll: async function* () {},
    put: refuse,
    putMany: refuse,
    delete: refuse,
    deleteMany: refuse,
  }
}
