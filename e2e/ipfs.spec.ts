import fs from 'node:fs'
import path from 'node:path'
import { createPublicClient, http } from 'viem'
import { foundry } from 'viem/chains'
import { tasksAbi } from '../contracts-abi/Tasks'
import { fetchWithIndependentIpfsNode } from '../test/independent-ipfs-node'
import { E2E_RPC_URL, expect, test } from './fixtures'
import { tasksAddress } from './tasks-chain'
import { createTaskThroughForm, openAs, uniqueWord } from './tasks-helpers'

// Issue 23, point 7: a task created in the browser writes its metadata document through the
// portal; a second, independent IPFS node (its own process, test/ipfs-peer.ts) dials the portal's
// IPFS node and gets, over Bitswap, exactly the bytes of the CID written on chain.

const DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e'

test('a document the portal wrote is fetched by an independent IPFS node by the CID on chain', async ({ browser, baseURL }) => {
  test.setTimeout(180_000)
  const title = `Publish the ${uniqueWord('ipfs')} runbook`
  const manager = await openAs(browser, baseURL!, 'Hana Sato', '/tasks')
  const { taskId } = await createTaskThroughForm(manager.page, { title, description: 'Every step, **in order**.', eth: '0.01' })

  const client = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) })
  const task = (await client.readContract({ address: tasksAddress(), abi: tasksAbi, functionName: 'getTask', args: [BigInt(taskId)] })) as { metadata: string }
  expect(task.metadata).toMatch(/^ipfs:\/\/bafkrei[a-z2-7]{52}$/)
  const cid = task.metadata.slice('ipfs://'.length)

  const node = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'ipfs', 'node.json'), 'utf8')) as { multiaddrs: string[] }
  const answer = await fetchWithIndependentIpfsNode(node.multiaddrs[0]!, cid, 30_000)
  expect(answer.error).toBeUndefined()
  expect(answer.verified).toBe(true)
  const document = JSON.parse(answer.bytes!.toString('utf8')) as { title: string; description: string }
  expect(document.title).toBe(title)
  expect(document.description).toBe('<p>Every step, <strong>in order</strong>.</p>')
  // The same bytes the portal's trustless gateway answers for that CID.
  const raw = await fetch(`${baseURL}/ipfs/${cid}?format=raw`)
  expect(raw.headers.get('content-type')).toBe('application/vnd.ipld.raw')
  expect(Buffer.from(await raw.arrayBuffer()).equals(answer.bytes!)).toBe(true)
  await manager.close()
})
