import { createPublicClient, http, parseUnits } from 'viem'
import { foundry } from 'viem/chains'
import { devnetDeploymentPath, readDeploymentFile } from '../config/deployment'
import { devnetUSDCAbi } from '../contracts-abi/DevnetUSDC'
import { E2E_RPC_URL, expect, resolveAccount, test } from './fixtures'
import { inAMonth, sendTasks, storeDocument, taskCount, waitForIndexer } from './tasks-chain'
import { expectWriteVisible, openAs, uniqueWord } from './tasks-helpers'

// A budget in a 6-decimal token (the devnet's USDC): the indexer read its symbol and decimals on
// chain, so the page shows it in whole units with its USD value from the devnet's Chainlink-like
// feed and the feed's update time; the manager tops it up and pays part of the reward typing
// whole units, and an amount with more decimals than the token has is refused in words.

const hana = resolveAccount('Hana Sato')
const ada = resolveAccount('Ada Okafor')

function usdcAddress() {
  const deployment = readDeploymentFile(devnetDeploymentPath(process.env.E2E_DATA_DIR ?? '.data/e2e'))!
  return deployment.contracts.usdc!.address
}

test('a USDC budget shown, topped up and paid in whole units, with its USD value', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  const word = uniqueWord('usdc')
  const usdc = usdcAddress()
  const uri = await storeDocument({ title: `Audit the ${word} bridge`, description: 'Paid in USDC.', tags: [], links: [] })
  const created = await sendTasks('Hana Sato', 'createTask', [
    uri,
    inAMonth(),
    hana.address,
    hana.address,
    [{ tokenContract: usdc, amount: parseUnits('1500.25', 6) }],
    [{ applicant: ada.address, nativeReward: [], reward: [{ nextToken: true, to: ada.address, amount: parseUnits('1000', 6) }] }],
  ])
  const client = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) })
  const taskId = (await taskCount()) - 1
  const taken = await sendTasks('Ada Okafor', 'takeTask', [BigInt(taskId), 0])
  await waitForIndexer(baseURL!, taken.blockNumber > created.blockNumber ? taken.blockNumber : created.blockNumber)
  const adaBefore = await client.readContract({ address: usdc, abi: devnetUSDCAbi, functionName: 'balanceOf', args: [ada.address] })

  const manager = await openAs(browser, baseURL!, hana, `/tasks/31337/${taskId}`)
  const { page } = manager
  const facts = page.getByRole('region', { name: 'On chain' })
  await expect(facts.getByRole('list', { name: 'Budget' })).toContainText('1500.25 USDC')
  const usd = facts.getByRole('list', { name: 'Value in USD' })
  await expect(usd).toContainText('1500.25 USDC: ≈ $1,500.25')
  await expect(usd).toContainText('Chainlink USDC / USD')
  await expect(usd.locator('time')).toHaveText(/updated /)
  await expect(usd).not.toContainText('Stale price')

  // More decimals than USDC has is refused before anything is sent; 2.5 USDC goes through.
  await page.getByText('Increase the budget', { exact: true }).click()
  const topUp = page.getByRole('form', { name: 'Increase the budget' })
  await topUp.getByLabel('Add USDC').fill('0.1234567')
  await topUp.getByRole('button', { name: 'Increase budget' }).click()
  await expect(topUp.getByText('At most 6 decimals')).toBeVisible()
  await topUp.getByLabel('Add USDC').fill('2.5')
  await topUp.getByRole('button', { name: 'Increase budget' }).click()
  await expectWriteVisible(topUp)
  await expect(facts.getByRole('list', { name: 'Budget' })).toContainText('1502.75 USDC')
  await expect(usd).toContainText('≈ $1,502.75')

  // Pay 100.5 USDC of the reward ahead: exactly 100.5 × 10^6 base units reach the executor.
  await page.reload()
  await page.getByText('Pay part of the reward', { exact: true }).click()
  const partial = page.getByRole('form', { name: 'Partial payment' })
  await partial.getByLabel('Pay now (USDC)').fill('100.5')
  await partial.getByRole('button', { name: 'Send the partial payment' }).click()
  await expectWriteVisible(partial)
  await expect(facts).toContainText('100.5 USDC to')
  const adaAfter = await client.readContract({ address: usdc, abi: devnetUSDCAbi, functionName: 'balanceOf', args: [ada.address] })
  expect(adaAfter - adaBefore).toBe(parseUnits('100.5', 6))
  await manager.close()
})
