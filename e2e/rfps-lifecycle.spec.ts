import { expect, test } from '@playwright/test'
import { createPublicClient, erc20Abi, http, parseEther, parseUnits, type Address } from 'viem'
import { foundry } from 'viem/chains'
import { devnetDeploymentPath, readDeploymentFile } from '../config/deployment'
import { E2E_RPC_URL, resolveAccount } from './fixtures'
import { application, balanceOf, expectWriteVisible, openAs, stateBadge, submission, takeTask, uniqueWord, waitForHydration } from './tasks-helpers'

// An RFP from creation to an accepted project paying out as a task, all in the browser: Ivan
// creates an RFP funded with ETH and the devnet's 6-decimal USDC (after the form refused a token
// with no code and an amount with too many decimals), Jamila submits a project, Ivan accepts it
// with a smaller ETH grant, the RFP's escrow creates the task, Jamila takes and delivers it and
// is paid from it; Ivan tops the RFP up and empties it back to himself.

const client = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) })

function usdcAddress(): Address {
  const deployment = readDeploymentFile(devnetDeploymentPath(process.env.E2E_DATA_DIR ?? '.data/e2e'))
  return deployment!.contracts.usdc!.address
}

const usdcOf = (owner: Address) => client.readContract({ address: usdcAddress(), abi: erc20Abi, functionName: 'balanceOf', args: [owner] })

test('RFP: create with an ETH + USDC budget, submit a project, accept it into a task that pays out, top up, empty', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  const word = uniqueWord('rfp')
  const title = `Index the ${word} mesh`
  const usdc = usdcAddress()
  const manager = await openAs(browser, baseURL!, 'Ivan Petrov', '/rfps/new')
  const representative = await openAs(browser, baseURL!, 'Jamila Yusuf', '/rfps')

  // Bad input first: a token with no code and too many decimals for USDC are refused on the form.
  await waitForHydration(manager.page)
  const create = manager.page.getByRole('form', { name: 'Create an RFP' })
  await create.getByLabel('Title').fill(title)
  await create.getByLabel('Description').fill('Projects that index the **mesh** end to end.')
  await create.getByLabel('Tags').fill(`indexing, ${word}`)
  await create.getByLabel('Most funding per project').fill('0.5')
  await create.getByLabel('ETH', { exact: true }).fill('1')
  await create.getByRole('button', { name: 'Add a token to the budget' }).click()
  await create.getByLabel('Token 1 address').fill('0x000000000000000000000000000000000000dEaD')
  await create.getByLabel('Token 1 amount').fill('5')
  await create.getByRole('button', { name: 'Add a token to the budget' }).click()
  await create.getByLabel('Token 2 address').fill(usdc)
  await create.getByLabel('Token 2 amount').fill('100.1234567')
  await create.getByRole('button', { name: 'Create RFP' }).click()
  await expect(create.getByText('There is no contract at this address on this chain: not a token.')).toBeVisible({ timeout: 30_000 })
  await expect(create.getByText('USDC has at most 6 decimals')).toBeVisible()
  expect(manager.page.url()).toMatch(/\/rfps\/new$/)

  // Fixed: only USDC, in whole units with 6 decimals at most.
  await create.getByRole('button', { name: 'Remove token 1' }).click()
  await create.getByLabel('Token 1 address').fill(usdc)
  await create.getByLabel('Token 1 amount').fill('100.5')
  await create.getByRole('button', { name: 'Create RFP' }).click()
  await manager.page.waitForURL(/\/rfps\/\d+\/\d+$/, { timeout: 90_000 })
  const rfpPath = new URL(manager.page.url()).pathname
  await expect(manager.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(manager.page.getByText('1 ETH + 100.5 USDC').first()).toBeVisible()
  await expect(manager.page.getByTestId('rfp-held')).toHaveText('1 ETH + 100.5 USDC')
  await expect(manager.page.getByText('up to 1 project, at most 0.5 each')).toBeVisible()

  // The board finds it by search and by state.
  await manager.page.goto(`/rfps?q=${word}&state=open`)
  await expect(manager.page.locator('[data-rfp-id]')).toHaveCount(1)
  await expect(manager.page.getByRole('link', { name: title })).toBeVisible()
  await manager.page.goto(`/rfps?q=${word}&state=emptied`)
  await expect(manager.page.getByText('No RFP matches these filters.')).toBeVisible()
  await manager.page.goto('/rfps?state=gone')
  await expect(manager.page.getByText('The filter "state" must be open, closed or emptied.')).toBeVisible()

  // Signed out: the RFP reads the same, with no write offered; another chain's RFP is a clear 404.
  const anonymous = await browser.newContext({ baseURL })
  const visitor = await anonymous.newPage()
  await visitor.goto(rfpPath)
  await expect(visitor.getByText('Sign in with your wallet to submit a project or top up this RFP.')).toBeVisible()
  await expect(visitor.locator('summary', { hasText: 'Submit a project' })).toHaveCount(0)
  const elsewhere = await visitor.goto('/rfps/137/0')
  expect(elsewhere?.status()).toBe(404)
  await expect(visitor.getByText('This portal does not show RFPs of chain "137": it follows chain 31337.')).toBeVisible()
  await anonymous.close()

  // Jamila submits a project asking 0.4 ETH and 50 USDC.
  await representative.page.goto(rfpPath)
  await waitForHydration(representative.page)
  await representative.page.getByText('Submit a project', { exact: true }).click()
  const submit = representative.page.getByRole('form', { name: 'Submit a project' })
  await submit.getByLabel('Title').fill(`Mesh ${word} indexer`)
  await submit.getByLabel('Description').fill('An indexer for the mesh, with **tests**.')
  await submit.getByLabel('Reward (ETH)').fill('0.4')
  await submit.getByLabel('Reward (USDC)').fill('50')
  await submit.getByRole('button', { name: 'Submit project' }).click()
  await expectWriteVisible(submit)
  const project = representative.page.locator('[data-project-id="0"]')
  await expect(project).toContainText('asks 0.4 ETH + 50 USDC')
  await expect(project).toHaveAttribute('data-state', 'submitted')

  // Ivan accepts it, granting 0.3 ETH (of the 0.4 asked) and the 50 USDC.
  await manager.page.goto(rfpPath)
  await waitForHydration(manager.page)
  await manager.page.locator('summary', { hasText: 'Accept project #0' }).click()
  const accept = manager.page.getByRole('form', { name: 'Accept project #0' })
  await expect(accept.getByLabel('Grant (USDC)')).toHaveValue('50')
  await accept.getByLabel('Grant (ETH)').fill('0.3')
  await accept.getByRole('button', { name: 'Accept project #0' }).click()
  // Once indexed the page shows the project accepted (and its form gone).
  const accepted = manager.page.locator('[data-project-id="0"]')
  await expect(accepted).toHaveAttribute('data-state', 'accepted', { timeout: 45_000 })
  await expect(accepted).toContainText('Accepted with 0.3 ETH + 50 USDC')
  await expect(manager.page.getByTestId('rfp-held')).toHaveText('0.7 ETH + 50.5 USDC')
  const taskLink = accepted.getByRole('link', { name: new RegExp(`^task #\\d+ “Mesh ${word} indexer”$`) })
  const taskPath = (await taskLink.getAttribute('href'))!

  // The task: the project's document, Jamila preapproved; she takes it and delivers.
  await representative.page.goto(taskPath)
  await expect(representative.page.getByRole('heading', { level: 1, name: `Mesh ${word} indexer` })).toBeVisible()
  await expect(stateBadge(representative.page)).toHaveText('Open')
  await takeTask(representative.page)
  const work = representative.page.getByRole('form', { name: 'Submit your work' })
  await work.getByLabel('What you delivered').fill('The indexer: https://example.org/mesh')
  await work.getByRole('button', { name: 'Submit work' }).click()
  await expectWriteVisible(work)
  await expect(submission(representative.page, 0)).toContainText('Waiting for review')

  // Ivan, the tasks manager, accepts the work: Jamila is paid the granted 0.3 ETH and 50 USDC.
  const jamila = resolveAccount('Jamila Yusuf').address
  const [ethBefore, usdcBefore] = [await balanceOf(jamila), await usdcOf(jamila)]
  await manager.page.goto(taskPath)
  const review = manager.page.getByRole('form', { name: 'Review submission #0' })
  await review.getByLabel('Accept: pay the reward and close the task').check()
  await review.getByRole('button', { name: 'Send review' }).click()
  await expect(stateBadge(manager.page)).toHaveText('Closed · Completed', { timeout: 45_000 })
  expect((await balanceOf(jamila)) - ethBefore).toBe(parseEther('0.3'))
  expect((await usdcOf(jamila)) - usdcBefore).toBe(parseUnits('50', 6))
  await expect(application(manager.page, 0)).toContainText('Executor')
  await expect(manager.page.getByTestId('task-origin').getByRole('link', { name: `the RFP “${title}”` })).toBeVisible()

  // Ivan tops the RFP up with 0.2 ETH, then empties it: everything left goes back to him.
  await manager.page.goto(rfpPath)
  await waitForHydration(manager.page)
  await manager.page.getByText('Top up the RFP', { exact: true }).click()
  const topUp = manager.page.getByRole('form', { name: 'Top up the RFP' })
  await topUp.getByLabel('Add ETH').fill('0.2')
  await topUp.getByRole('button', { name: 'Top up' }).click()
  await expectWriteVisible(topUp)
  await expect(manager.page.getByTestId('rfp-held')).toHaveText('0.9 ETH + 50.5 USDC')

  const ivan = resolveAccount('Ivan Petrov').address
  const ivanUsdc = await usdcOf(ivan)
  manager.page.once('dialog', (dialog) => void dialog.accept())
  await manager.page.locator('summary', { hasText: 'Empty the RFP' }).click()
  await manager.page.getByRole('button', { name: 'Empty the RFP' }).click()
  await expect(manager.page.getByText(/^Emptied/)).toBeVisible({ timeout: 45_000 })
  await expect(manager.page.getByTestId('rfp-held')).toHaveText('0 ETH + 0 USDC')
  expect((await usdcOf(ivan)) - ivanUsdc).toBe(parseUnits('50.5', 6))

  await manager.close()
  await representative.close()
})
