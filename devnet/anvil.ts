import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'

export type AnvilOptions = {
  host?: string
  /** 0 picks a free port. */
  port?: number
  chainId?: number
  /** Load the chain from this file on start and dump it there on exit (and every few seconds). */
  statePath?: string
  /** Seconds between blocks; omitted means a block per transaction (automine). */
  blockTime?: number
  silent?: boolean
}

export type Anvil = { rpcUrl: string; port: number; process: ChildProcess; stop: () => Promise<void> }

export const DEVNET_CHAIN_ID = 31337

/**
 * The anvil binary itself, not the npm wrapper script: signals then reach anvil directly
 * (the wrapper would be killed by SIGKILL and leave anvil running as an orphan).
 */
export function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch
  const platform = process.platform === 'win32' ? 'win32' : process.platform
  try {
    const manifest = createRequire(import.meta.url).resolve(`@foundry-rs/anvil-${platform}-${arch}/package.json`)
    const binary = path.join(path.dirname(manifest), 'bin', platform === 'win32' ? 'anvil.exe' : 'anvil')
    if (fs.existsSync(binary)) return binary
  } catch {
    // fall through to the wrapper
  }
  const wrapper = path.resolve('node_modules/.bin/anvil')
  if (fs.existsSync(wrapper)) return wrapper
  throw new Error('anvil is not installed: run `npm install` (it comes from the @foundry-rs/anvil package)')
}

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, host, () => server.close(() => resolve(true)))
  })
}

/** Starts anvil and resolves once it answers JSON-RPC. */
export async function startAnvil(options: AnvilOptions = {}): Promise<Anvil> {
  const host = options.host ?? '127.0.0.1'
  const port = options.port || (await findFreePort(host))
  const args = ['--host', host, '--port', String(port), '--chain-id', String(options.chainId ?? DEVNET_CHAIN_ID)]
  if (options.statePath) {
    fs.mkdirSync(path.dirname(options.statePath), { recursive: true })
    args.push('--state', options.statePath, '--state-interval', '5')
  }
  if (options.blockTime) args.push('--block-time', String(options.blockTime))
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', options.silent === false ? 'inherit' : 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  // Drain stdout so anvil never blocks on a full pipe.
  child.stdout?.resume()
  // If this process exits without stopping anvil (a crashed test worker), take anvil along.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))
  const rpcUrl = `http://${host}:${port}`
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode}: ${stderr.trim().split('\n').pop() ?? ''}`)
    if (await answersRpc(rpcUrl)) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`anvil did not answer on ${rpcUrl} within 20s`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    rpcUrl,
    port,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode) return
      child.kill('SIGINT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}

async function answersRpc(rpcUrl: string): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1_000),
    })
    return res.ok
  } catch {
    return false
  }
}
