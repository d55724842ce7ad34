import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { putCheckpoint } from '../app/models/testing/dao-row-fixtures'
import { putTask } from '../app/models/testing/task-row-fixtures'
import { startRpcProxy, type RpcProxy } from '../indexer/testing/rpc-proxy'
import { startPortalServer, type PortalServer } from '../test/portal-server'
import { useAnvil, useTempDatabase } from '../test/setup'

// Honest staleness, through the real web server: the chain head is read in the background, so
// when the RPC hangs or refuses connections every page still answers at once — and says that
// its chain data may be old. (Before, each page asked the RPC inside the request and waited for
// its 2 s timeout, and only /health told that the RPC was down.) The pages that show more than
// the index — a task's USD values (Chainlink feeds on the chain), a profile's ENS name (the ENS
// RPC, here the same hung proxy) — read those in the background too.

const STALE = 'the chain’s RPC is not answering'
const PAGES = ['/', '/tasks', '/dao', '/dao/members', '/contributors', '/courses', '/courses/wallets-and-signing/keys-and-addresses']
const MANAGER = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'
/** First visited while the RPC hangs, so no answer read before can hide a read inside the request. */
const READING_PAGES = ['/tasks/31337/1', `/contributors/${MANAGER}`]
/** Well under the old in-request RPC timeout (2 s), with room for a busy machine. */
const FAST_MS = 1_000

let proxy: RpcProxy
let server: PortalServer

beforeAll(async () => {
  const anvil = await useAnvil()
  proxy = await startRpcProxy({ upstream: anvil.rpcUrl, holdMs: 30_000 })
  const database = useTempDatabase()
  // An indexer that has caught up with the chain (anvil's genesis block), and one task.
  putCheckpoint(database.db, 31337, { number: 0, timestamp: Math.floor(Date.now() / 1000) })
  putTask(database.sqlite, { chainId: 31337, taskId: 1, metadataUri: '', title: 'Port the indexer', deadline: 2_000_000_000, manager: MANAGER, state: 'open', nativeBudget: '1000', createdAt: 1 })
  // A deployment whose chain has an ETH/USD feed, so a task page has a price to read.
  const deploymentFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stale-chain-')), 'deployment.json')
  fs.writeFileSync(
    deploymentFile,
    JSON.stringify({ chainId: 31337, contracts: { tasks: { address: `0x${'ab'.repeat(20)}`, startBlock: 0 } }, others: { 'ETH/USD price feed': `0x${'cd'.repeat(20)}` } }),
  )
  server = await startPortalServer({
    databasePath: database.path,
    anvilPort: anvil.port,
    env: { RPC_URL: proxy.url, ENS_RPC_URL: proxy.url, DEPLOYMENT_FILE: deploymentFile },
  })
})

afterAll(async () => {
  await proxy.close()
})

async function health(): Promise<{ rpc: string }> {
  return (await fetch(`${server.url}/health`)).json() as Promise<{ rpc: string }>
}

async function waitForRpc(state: 'ok' | 'unreachable') {
  const deadline = Date.now() + 15_000
  while ((await health()).rpc !== state) {
    if (Date.now() > deadline) throw new Error(`/health never reported the RPC ${state}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function visit(path: string) {
  const started = performance.now()
  const response = await fetch(`${server.url}${path}`)
  const html = await response.text()
  return { status: response.status, html, ms: performance.now() - started }
}

describe('the stale notice', () => {
  it('is absent while the RPC answers', async () => {
    await waitForRpc('ok')
    for (const path of PAGES) {
      const page = await visit(path)
      expect(page.status, path).toBe(200)
      expect(page.html, path).not.toContain('Chain data may be stale')
    }
  })

  it('is on every page, answered at once, while the RPC hangs', async () => {
    proxy.setFaults({ timeout: 1 })
    await waitForRpc('unreachable')
    for (const path of [...READING_PAGES, ...PAGES]) {
      const page = await visit(path)
      expect(page.status, path).toBe(200)
      expect(page.html, path).toContain(STALE)
      expect(page.html, path).toContain('up to block 0')
      expect(page.ms, path).toBeLessThan(FAST_MS)
    }
    const status = await fetch(`${server.url}/health`)
    expect(status.status).toBe(503)
  })

  it('goes away when the RPC answers again, and comes back when it refuses connections', async () => {
    proxy.setFaults({})
    await waitForRpc('ok')
    expect((await visit('/tasks')).html).not.toContain('Chain data may be stale')

    await proxy.close()
    await waitForRpc('unreachable')
    for (const path of [...PAGES, ...READING_PAGES]) {
      const page = await visit(path)
      expect(page.html, path).toContain(STALE)
      expect(page.ms, path).toBeLessThan(FAST_MS)
    }
  })
})
