import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseEther, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tasksAbi } from '#contracts-abi/index'
import { cidForBytes } from '#db/content-store'
import { getTaskDetail } from '../app/models/task-detail.server'
import { presentTask } from '../app/tasks/present-task.server'
import { useAnvil, useTempDatabase } from '../test/setup'
import { silentLogger } from './logger'
import { createMetadataResolver } from './metadata/resolver'
import { call, transact } from './testing/chain'
import { indexOnce, testConfig } from './testing/harness'
import { deployWorld, type World } from './testing/world'

// A task whose document the portal never stored: written by another frontend, found only on an
// IPFS gateway (a real HTTP server on 127.0.0.1, raw blocks as IPFS serves them). The indexer
// fetches it, checks it against its CID and caches what documents/ keeps of it; the task page
// must then show everything the document says, its course gate included (the indexer's former
// copy of the document shapes dropped `requiredCourse`, so such a task lost its gate).

const db = useTempDatabase()
const MANAGER = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' as Hex
const document = {
  title: 'Audit the escrow',
  description: 'Read **every** line of Escrow.sol',
  tags: [{ tag: 'security' }],
  projectSize: 3,
  teamSize: 1,
  resources: '',
  links: [{ name: 'Source', url: 'https://github.com/Openmesh-Network/openrd' }],
  requiredCourse: 'intro-to-openmesh',
}
const blocks = new Map<string, Buffer>()
let gateway: http.Server
let gatewayUrl = ''
let world: World

beforeAll(async () => {
  gateway = http.createServer((req, res) => {
    const cid = new URL(req.url!, 'http://gateway').pathname.replace('/ipfs/', '')
    const bytes = blocks.get(cid)
    if (!bytes) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/vnd.ipld.raw' }).end(bytes)
  })
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/ipfs/`
  world = await deployWorld((await useAnvil()).rpcUrl)
}, 60_000)
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())))

describe('a task document found only on a gateway', () => {
  it('keeps its course gate, as the task page reads it', async () => {
    // What OpenR&D's frontend uploads: compact JSON, a raw-codec CIDv1 of those bytes.
    const bytes = Buffer.from(JSON.stringify(document))
    const cid = await cidForBytes(bytes, 'raw')
    blocks.set(cid, bytes)
    await transact(world.rpcUrl, {
      from: MANAGER,
      to: world.deployment.contracts.tasks.address as Hex,
      data: call(tasksAbi, 'createTask', [`ipfs://${cid}`, 2_000_000_000n, MANAGER, MANAGER, [], []]),
      value: parseEther('0.1'),
    })
    await indexOnce({ sqlite: db.sqlite, config: testConfig(world.rpcUrl, world.deployment) })
    const resolver = createMetadataResolver({
      sqlite: db.sqlite,
      db: db.db,
      chainId: world.deployment.chainId,
      gatewayUrl,
      timeoutMs: 2_000,
      maxBytes: 64 * 1024,
      retryAfterMs: 60_000,
      concurrency: 1,
      logger: silentLogger,
      signal: new AbortController().signal,
    })
    expect(await resolver.resolveDue()).toBe(1)
    // Nothing in the local content store: the page reads the indexer's cache alone.
    expect(db.sqlite.prepare('SELECT count(*) FROM content_blobs').pluck().get()).toBe(0)

    const detail = getTaskDetail(db.db, { chainId: world.deployment.chainId, taskId: 0 })!
    expect(detail.metadata).toMatchObject({ state: 'ok', value: { title: document.title, tags: ['security'], requiredCourse: 'intro-to-openmesh' } })
    const page = presentTask(detail, { openToken: null })
    expect(page).toMatchObject({ title: document.title, requiredCourse: 'intro-to-openmesh', teamSize: 1, projectSize: 3 })
    expect(page.links).toEqual([{ name: 'Source', url: 'https://github.com/Openmesh-Network/openrd' }])
    expect(page.descriptionHtml).toContain('<strong>every</strong>')
  })
})
