import fs from 'node:fs'
import path from 'node:path'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'

// The node's libp2p identity (an Ed25519 key, libp2p's protobuf encoding) kept in a file, so its
// peer ID — the /p2p/<id> part of the address other nodes peer with — survives restarts.
// Created on first start, readable by the portal's user only.

export type PeerPrivateKey = Awaited<ReturnType<typeof generateKeyPair>>

export async function loadOrCreatePeerKey(file: string): Promise<PeerPrivateKey> {
  if (fs.existsSync(file)) {
    try {
      return privateKeyFromProtobuf(fs.readFileSync(file)) as PeerPrivateKey
    } catch (error) {
      throw new Error(`${file} is not a libp2p private key (${(error as Error).message}): move it away to create a new identity`)
    }
  }
  const key = await generateKeyPair('Ed25519')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // wx: two processes starting at once never overwrite each other's key.
  try {
    fs.writeFileSync(file, privateKeyToProtobuf(key), { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreatePeerKey(file)
    throw error
  }
  return key
}
