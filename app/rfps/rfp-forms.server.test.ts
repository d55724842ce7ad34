import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { count } from 'drizzle-orm'
import { createPublicClient, createWalletClient, http, parseUnits } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { describe, expect, it } from 'vitest'
import { devnetUSDCAbi, devnetUSDCBytecode } from '#contracts-abi/DevnetUSDC'
import { contentBlobs, rfps } from '#db/schema'
import { devnetAccounts } from '#devnet/accounts'
import { siweMessage, TestBrowser, useTestPortal } from '~/testing/portal-harness'

// Bad RFP and project forms against the real path: POST /ipfs with a signed-in session, a real
// anvil holding a real 6-decimal ERC-20, a real SQLite file. Each refusal says what is wrong, and
// nothing is stored (the content store keeps its count).

const { anvil, database } = await useTestPortal({ COURSES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-no-courses-')) })

const { action: storeDocument } = await import('~/routes/ipfs')
const { action: nonceAction } = await import('~/routes/auth.nonce')
const { action: verifyAction } = await import('~/routes/auth.verify')

const ada = privateKeyToAccount(devnetAccounts[0]!.privateKey)
const wallet = createWalletClient({ account: ada, chain: foundry, transport: http(anvil.rpcUrl) })
const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) })
const usdc = await (async () => {
  const hash = await wallet.deployContract({ abi: devnetUSDCAbi, bytecode: devnetUSDCBytecode, args: [ada.address, parseUnits('1000', 6), false] })
  return (await client.waitForTransactionReceipt({ hash })).contractAddress!
})()

async function signedInBrowser(): Promise<TestBrowser> {
  const browser = new TestBrowser()
  const { nonce } = (await (await browser.call(nonceAction, '/auth/nonce')).json()) as { nonce: string }
  const message = siweMessage({ address: ada.address, nonce })
  const response = await browser.call(verifyAction, '/auth/verify', { json: { message, signature: await ada.signMessage({ message }) } })
  expect(response.status).toBe(200)
  return browser
}
const browser = await signedInBrowser()

const storedCount = () => database.db.select({ n: count() }).from(contentBlobs).get()!.n

async function post(fields: Record<string, string>) {
  const before = storedCount()
  const response = await browser.call(storeDocument, '/ipfs', {
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  return { response, body: (await response.json()) as { error?: string; reply?: { error?: Record<string, string[]> }; uri?: string }, storedNothing: storedCount() === before }
}

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
const rfpForm = {
  intent: 'create-rfp',
  chainId: '31337',
  title: 'Index the mesh',
  description: 'Projects that index the mesh.',
  tags: 'indexing',
  maxProjectFunding: '500',
  maxAwardedProjects: '2',
  deadline: inAMonth,
  manager: ada.address,
  tasksManager: ada.address,
  disputeManager: ada.address,
  nativeBudget: '1',
}

describe('POST /ipfs: creating an RFP', () => {
  it('stores a good RFP with an ERC-20 budget read on chain, in the frontend’s shape', async () => {
    const { response, body } = await post({ ...rfpForm, 'budget[0].token': usdc, 'budget[0].amount': '100.25' })
    expect(response.status).toBe(201)
    expect(body.uri).toMatch(/^ipfs:\/\/bafkrei/)
  })

  it('refuses a token with no code, and says so on the field', async () => {
    const { response, body, storedNothing } = await post({ ...rfpForm, 'budget[0].token': '0x000000000000000000000000000000000000dEaD', 'budget[0].amount': '5' })
    expect(response.status).toBe(400)
    expect(body.reply?.error?.['budget[0].token']).toEqual(['There is no contract at this address on this chain: not a token.'])
    expect(storedNothing).toBe(true)
  })

  it('refuses more decimals than the token has (USDC: 6)', async () => {
    const { response, body, storedNothing } = await post({ ...rfpForm, 'budget[0].token': usdc, 'budget[0].amount': '1.1234567' })
    expect(response.status).toBe(400)
    expect(body.reply?.error?.['budget[0].amount']).toEqual(['USDC has at most 6 decimals'])
    expect(storedNothing).toBe(true)
  })

  it('refuses too many decimals of the native currency, and a malformed RFP field by field', async () => {
    const { response, body, storedNothing } = await post({
      ...rfpForm,
      title: ' ',
      maxProjectFunding: 'lots',
      manager: '0x1234',
      nativeBudget: '0.0000000000000000001',
    })
    expect(response.status).toBe(400)
    const errors = body.reply?.error ?? {}
    expect(errors.title).toEqual(['Give the RFP a title'])
    expect(errors.maxProjectFunding).toEqual(['Enter an amount, e.g. 2500 or 0.5'])
    expect(errors.manager).toEqual(['Enter a 0x address (42 characters)'])
    expect(errors.nativeBudget).toEqual(['At most 18 decimals'])
    expect(storedNothing).toBe(true)
  })

  it('refuses an RFP with no budget at all, and the same token twice', async () => {
    const empty = await post({ ...rfpForm, nativeBudget: '' })
    expect(empty.body.reply?.error?.nativeBudget).toEqual(['Fund the RFP with the native currency, a token or both'])
    const twice = await post({ ...rfpForm, 'budget[0].token': usdc, 'budget[0].amount': '1', 'budget[1].token': usdc.toLowerCase(), 'budget[1].amount': '2' })
    expect(twice.body.reply?.error?.budget).toEqual(['Name each token once'])
    expect(empty.storedNothing && twice.storedNothing).toBe(true)
  })

  it('refuses a chain the portal does not serve before reading anything', async () => {
    const { response, body, storedNothing } = await post({ ...rfpForm, chainId: '137' })
    expect(response.status).toBe(400)
    expect(body.error).toBe('This portal serves chain 31337, not "137": nothing was stored.')
    expect(storedNothing).toBe(true)
  })
})

describe('POST /ipfs: submitting a project', () => {
  const projectForm = {
    intent: 'submit-project',
    chainId: '31337',
    rfpId: '0',
    title: 'Mesh indexer',
    description: 'An indexer.',
    deadline: inAMonth,
    nativeReward: '0.5',
    'tokenRewards[0]': '10.5',
  }
  const putRfp = (rfpId: number, values: { emptied?: boolean; deadline?: number } = {}) =>
    database.db
      .insert(rfps)
      .values({
        chainId: 31337,
        rfpId,
        metadataUri: '',
        deadline: values.deadline ?? Math.floor(Date.now() / 1000) + 86_400,
        nativeBudget: '1000000000000000000',
        budget: [{ tokenContract: usdc.toLowerCase(), amount: '100000000' }],
        creator: ada.address.toLowerCase(),
        tasksManager: ada.address.toLowerCase(),
        disputeManager: ada.address.toLowerCase(),
        manager: ada.address.toLowerCase(),
        escrow: '0x0000000000000000000000000000000000000001',
        emptied: values.emptied ?? false,
        emptiedAt: null,
        createdBlock: 1,
        createdAt: 1,
        transactionHash: `0x${'ab'.repeat(32)}`,
      })
      .run()

  it('refuses a project for an RFP that does not exist', async () => {
    const { response, body, storedNothing } = await post({ ...projectForm, rfpId: '99' })
    expect(response.status).toBe(404)
    expect(body.error).toBe('There is no RFP 99 on chain 31337.')
    expect(storedNothing).toBe(true)
  })

  it('refuses a project for an emptied RFP', async () => {
    putRfp(1, { emptied: true })
    const { response, body, storedNothing } = await post({ ...projectForm, rfpId: '1' })
    expect(response.status).toBe(409)
    expect(body.error).toBe('This RFP no longer takes projects.')
    expect(storedNothing).toBe(true)
  })

  it('refuses a reward in base units the budget token cannot hold, and a project asking nothing', async () => {
    putRfp(2)
    // The indexer has not read this token (no `tokens` row): its amounts are base units, no decimals.
    const { body, storedNothing } = await post({ ...projectForm, rfpId: '2' })
    expect(body.reply?.error?.['tokenRewards[0]']).toEqual(['This token has no decimals'])
    const nothing = await post({ ...projectForm, rfpId: '2', nativeReward: '', 'tokenRewards[0]': '' })
    expect(nothing.body.reply?.error?.nativeReward).toEqual(['Ask for a reward in at least one of the RFP’s currencies'])
    expect(storedNothing && nothing.storedNothing).toBe(true)
  })

  it('stores a good project as a task document', async () => {
    const { response, body } = await post({ ...projectForm, rfpId: '2', 'tokenRewards[0]': '10' })
    expect(response.status).toBe(201)
    expect(body.uri).toMatch(/^ipfs:\/\//)
  })
})
