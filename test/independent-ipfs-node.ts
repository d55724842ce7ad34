import { spawn } from 'node:child_process'

// Runs test/ipfs-peer.ts — a second IPFS node in its own process — against a peer's multiaddr
// and a CID; answers what it got. Used by the node's test and the e2e spec.

export type IndependentNodeAnswer = { cid?: string; bytes?: Buffer; verified?: boolean; error?: string }

export function fetchWithIndependentIpfsNode(address: string, cid: string, timeoutMs = 20_000): Promise<IndependentNodeAnswer> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['test/ipfs-peer.ts', address, cid, String(timeoutMs)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', () => {
      let answer: { cid?: string; bytes?: string; verified?: boolean; error?: string }
      try {
        answer = JSON.parse(stdout.trim().split('\n').pop() ?? '') as typeof answer
      } catch {
        return reject(new Error(`the independent IPFS node printed no answer:\n${stdout}\n${stderr}`))
      }
      resolve({ ...answer, bytes: answer.bytes === undefined ? undefined : Buffer.from(answer.bytes, 'base64') })
    })
  })
}
