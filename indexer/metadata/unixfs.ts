import { CID } from 'multiformats/cid'

// Just enough dag-pb/UnixFS to read a small file (or a file one directory level down) from raw
// IPFS blocks fetched from a trustless gateway, so every block can be checked against its CID.
// Files chunked into several blocks are larger than the metadata size cap and are refused.

export const DAG_PB = 0x70

type PbLink = { hash: CID; name: string }
type PbNode = { data?: Uint8Array; links: PbLink[] }

export function decodeDagPb(bytes: Uint8Array): PbNode {
  const node: PbNode = { links: [] }
  for (const field of fields(bytes)) {
    // PBNode: Data = 1, Links = 2 (serialised links first); PBLink: Hash = 1, Name = 2, Tsize = 3.
    if (field.number === 1 && field.bytes) node.data = field.bytes
    else if (field.number === 2 && field.bytes) {
      let hash: CID | undefined
      let name = ''
      for (const f of fields(field.bytes)) {
        if (f.number === 1 && f.bytes) hash = CID.decode(f.bytes)
        else if (f.number === 2 && f.bytes) name = new TextDecoder().decode(f.bytes)
      }
      if (hash) node.links.push({ hash, name })
    }
  }
  return node
}

/** The file bytes of a single-block UnixFS file node; throws on directories or chunked files. */
export function unixfsFileBytes(node: PbNode): Uint8Array {
  if (!node.data) throw new Error('dag-pb node has no UnixFS data')
  let type = -1
  let data: Uint8Array = new Uint8Array()
  for (const f of fields(node.data)) {
    if (f.number === 1 && f.varint !== undefined) type = f.varint
    else if (f.number === 2 && f.bytes) data = f.bytes
  }
  if (type !== 2 && type !== 0) throw new Error(`UnixFS node is not a file (type ${type})`)
  if (node.links.length > 0) throw new Error('file is chunked over several blocks (too large for metadata)')
  return data
}

type Field = { number: number; varint?: number; bytes?: Uint8Array }

function* fields(bytes: Uint8Array): Generator<Field> {
  let offset = 0
  const varint = () => {
    let result = 0
    let shift = 0
    for (;;) {
      if (offset >= bytes.length) throw new Error('truncated protobuf')
      const byte = bytes[offset++]!
      result += (byte & 0x7f) * 2 ** shift
      if ((byte & 0x80) === 0) return result
      shift += 7
      if (shift > 49) throw new Error('varint too long')
    }
  }
  while (offset < bytes.length) {
    const key = varint()
    const number = Math.floor(key / 8)
    const wire = key & 7
    if (wire === 0) yield { number, varint: varint() }
    else if (wire === 2) {
      const length = varint()
      if (offset + length > bytes.length) throw new Error('truncated protobuf')
      yield { number, bytes: bytes.subarray(offset, offset + length) }
      offset += length
    } else if (wire === 1) offset += 8
    else if (wire === 5) offset += 4
    else throw new Error(`unsupported protobuf wire type ${wire}`)
  }
}
