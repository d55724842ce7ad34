import { CarWriter } from '@ipld/car/writer'
import type { CID } from 'multiformats/cid'

/** A CARv1 whose one root is `cid` and whose one block is its bytes: all any DAG scope of a leaf block holds. */
export async function carOfBlock(cid: CID, bytes: Uint8Array): Promise<Uint8Array> {
  const { writer, out } = CarWriter.create([cid])
  const chunks: Uint8Array[] = []
  const collected = (async () => {
    for await (const chunk of out) chunks.push(chunk)
  })()
  await writer.put({ cid, bytes })
  await writer.close()
  await collected
  return Buffer.concat(chunks)
}
