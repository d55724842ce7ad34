import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findFreePort, startAnvil } from '#devnet/anvil'

// `npm start` with bad configuration must end with one clear line and exit code 1.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-start-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, NODE_ENV: 'development', ...env } as NodeJS.ProcessEnv,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

function occupyPort(port: number): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

const validAddress = '0xDdb23dacd41908C4eAE03982B1c6529252A56b62'

describe('npm start with bad configuration', () => {
  it('rejects a malformed contract address, naming the variable', async () => {
    const result = await runStart({ RPC_URL: 'http://127.0.0.1:9', TASKS_ADDRESS: '0x1234' })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      'invalid configuration: TASKS_ADDRESS="0x1234" must be a 0x-prefixed 20-byte hex address',
    ])
  })

  it('rejects an RPC URL that is not a URL', async () => {
    const result = await runStart({ RPC_URL: 'not a url', TASKS_ADDRESS: validAddress })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^invalid configuration: RPC_URL="not a url"/)
  })

  it('stops with one line when the RPC is unreachable', async () => {
    const port = await findFreePort()
    const result = await runStart({ RPC_URL: `http://127.0.0.1:${port}`, TASKS_ADDRESS: validAddress, PORT: String(await findFreePort()) })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([`cannot reach RPC_URL http://127.0.0.1:${port}: ECONNREFUSED`])
  })

  it('stops with one line when the chain has no known deployment', async () => {
    const anvil = await startAnvil({ chainId: 999_001 })
    try {
      const result = await runStart({ RPC_URL: anvil.rpcUrl, PORT: String(await findFreePort()) })
      expect(result.code).toBe(1)
      expect(result.stderr.trim().split('\n')).toEqual([
        "no deployment of the portal's contracts is known for chain 999001: set TASKS_ADDRESS (and the other contract addresses) or add contracts-abi/deployments/999001.json",
      ])
    } finally {
      await anvil.stop()
    }
  })

  it('stops with one line when the web port is in use', async () => {
    const port = await findFreePort()
    const server = await occupyPort(port)
    try {
      const result = await runStart({ PORT: String(port), ANVIL_PORT: String(await findFreePort()) })
      expect(result.code).toBe(1)
      expect(result.stderr.trim().split('\n')).toEqual([`port ${port} is already in use: set PORT to a free port`])
    } finally {
      server.close()
    }
  })

  it('stops with one line when the anvil port is in use', async () => {
    const anvilPort = await findFreePort()
    const server = await occupyPort(anvilPort)
    try {
      const result = await runStart({ PORT: String(await findFreePort()), ANVIL_PORT: String(anvilPort) })
      expect(result.code).toBe(1)
      expect(result.stderr.trim().split('\n')).toEqual([
        `port ${anvilPort} is already in use (anvil): set ANVIL_PORT to a free port, or RPC_URL to use a running chain`,
      ])
    } finally {
      server.close()
    }
  })
})
