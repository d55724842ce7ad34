import { createWalletClient, http, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { openTokenAbi } from '../contracts-abi/OpenToken'
import { devnetDeploymentPath, readDeploymentFile } from '../config/deployment'
import { E2E_RPC_URL, expect, resolveAccount, test } from './fixtures'
import { resolveDisputeByVote } from './dispute-chain'
import { application, balanceOf, expectWriteVisible, openAs, stateBadge, takeTask, uniqueWord } from './tasks-helpers'

// A manager's tools on one task: an OPEN budget with its approve step, a revert explained in
// words, topping up the budget, extending the deadline, editing the description, a partial
// payment, and the contributor opening a dispute (TaskDisputes) that the Dispute department resolves.

const hana = resolveAccount('Hana Sato')
const ada = resolveAccount('Ada Okafor')

/** The seed approved Tasks for every account; take Hana's approval back so the UI must ask. */
async function revokeOpenApproval() {
  const deployment = readDeploymentFile(devnetDeploymentPath(process.env.E2E_DATA_DIR ?? '.data/e2e'))!
  const wallet = createWalletClient({ account: privateKeyToAccount(hana.privateKey), chain: foundry, transport: http(E2E_RPC_URL) })
  await wallet.writeContract({
    address: deployment.contracts.openToken!.address,
    abi: openTokenAbi,
    functionName: 'approve',
    args: [deployment.contracts.tasks.address, 0n],
  })
}

test('manager tools: approve + create, revert in words, top up, extend, edit, partial pay, dispute opened and resolved', async ({ browser, baseURL }) => {
  test.setTimeout(300_000)
  await revokeOpenApproval()
  const word = uniqueWord('manage')
  const manager = await openAs(browser, baseURL!, hana, '/tasks/new')
  const contributor = await openAs(browser, baseURL!, ada, '/tasks')
  const { page } = manager

  // Create with ETH and OPEN: the OPEN budget needs an approve transaction first.
  const create = page.getByRole('form', { name: 'Create a task' })
  await create.getByLabel('Title').fill(`Port the ${word} client`)
  await create.getByLabel('Description').fill('Port it.')
  await create.getByLabel('ETH', { exact: true }).fill('0.1')
  await create.getByLabel('OPEN', { exact: true }).fill('20')
  await create.getByRole('button', { name: 'Create task' }).click()
  await expect(create.getByText('Transaction 1 of 2: Approve 20 OPEN for the task escrow')).toBeVisible()
  await page.waitForURL(/\/tasks\/31337\/\d+$/, { timeout: 60_000 })
  const taskPath = new URL(page.url()).pathname
  const facts = page.getByRole('region', { name: 'On chain' })
  await expect(facts.getByRole('list', { name: 'Budget' })).toHaveText(/0\.1 ETH\s*20 OPEN/)

  // The contributor asks for more than the budget holds.
  await contributor.page.goto(taskPath)
  const apply = contributor.page.getByRole('form', { name: 'Apply for this task' })
  await apply.getByLabel('Plan').fill('Two weeks.')
  await apply.getByLabel('Reward asked (ETH)').fill('1')
  await apply.getByRole('button', { name: 'Apply' }).click()
  await expectWriteVisible(apply)

  // Accepting it is refused by the contract, and the page says why, in words.
  await page.reload()
  await application(page, 0).getByRole('button', { name: 'Accept application #0' }).click()
  await expect(application(page, 0).getByRole('alert')).toHaveText(/The reward is above the budget — increase the budget first\./)

  // Top up with ETH and OPEN (OPEN approved again first), then accepting works.
  await page.getByText('Increase the budget', { exact: true }).click()
  const topUp = page.getByRole('form', { name: 'Increase the budget' })
  await topUp.getByLabel('Add ETH').fill('1')
  await topUp.getByLabel('Add OPEN').fill('5')
  await topUp.getByRole('button', { name: 'Increase budget' }).click()
  await expectWriteVisible(topUp)
  await expect(facts.getByRole('list', { name: 'Budget' })).toHaveText(/1\.1 ETH\s*25 OPEN/)
  await page.reload()
  await application(page, 0).getByRole('button', { name: 'Accept application #0' }).click()
  await expect(application(page, 0)).toContainText('Accepted', { timeout: 45_000 })

  // Extend the deadline by a week.
  const factsBefore = await facts.innerText()
  await page.getByText('Extend the deadline', { exact: true }).click()
  const extend = page.getByRole('form', { name: 'Extend the deadline' })
  await extend.getByLabel('Extend by (days)').fill('7')
  await extend.getByRole('button', { name: 'Extend deadline' }).click()
  await expectWriteVisible(extend)
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Deadline moved to')
  expect(await facts.innerText()).not.toBe(factsBefore)

  // Edit the description: a new metadata document, the page shows it.
  await page.getByText('Edit the description', { exact: true }).click()
  const edit = page.getByRole('form', { name: 'Edit the task' })
  await expect(edit.getByLabel('Title')).toHaveValue(`Port the ${word} client`)
  await edit.getByLabel('Title').fill(`Port the ${word} client to Rust`)
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Port the ${word} client to Rust`, { timeout: 45_000 })

  // The contributor takes it; the manager pays half the ETH reward ahead of completion.
  await contributor.page.reload()
  await takeTask(contributor.page)
  const adaBefore = await balanceOf(ada.address)
  await page.reload()
  await page.getByText('Pay part of the reward', { exact: true }).click()
  const partial = page.getByRole('form', { name: 'Partial payment' })
  await partial.getByLabel('Pay now (ETH)').fill('0.5')
  await partial.getByRole('button', { name: 'Send the partial payment' }).click()
  await expectWriteVisible(partial)
  expect((await balanceOf(ada.address)) - adaBefore).toBe(parseEther('0.5'))
  await expect(facts).toContainText('0.5 ETH to')
  await expect(facts).toContainText('partial payment')

  // The contributor disputes as Openmesh's frontend does: TaskDisputes.createDispute with the
  // Dispute department's fee shown up front and paid with it; a pessimistic action waits for the
  // department's vote.
  await contributor.page.reload()
  await contributor.page.getByText('Open a dispute', { exact: true }).click()
  const dispute = contributor.page.getByRole('form', { name: 'Open a dispute' })
  await expect(dispute.getByTestId('dispute-fee')).toHaveText(/Opening a dispute costs \d+(\.\d+)? ETH/)
  const feeText = (await dispute.getByTestId('dispute-fee').innerText()).match(/costs ([\d.]+) ETH/)![1]!
  await dispute.getByLabel('Dispute title').fill(`Settle the ${word} port`)
  await dispute.getByLabel('Summary: what happened, and the settlement you propose').fill('Delivered, but the manager stopped answering.')
  await dispute.getByLabel('Details (optional)').fill('The **whole** port is on the branch.')
  await dispute.getByLabel('Pay the contributor (ETH)').fill('0.25')
  const adaBeforeDispute = await balanceOf(ada.address)
  await dispute.getByRole('button', { name: 'Open the dispute' }).click()
  await expectWriteVisible(dispute)
  await expect(dispute.getByText(/Dispute opened: pessimistic action #\d+ waits for the Dispute department’s vote\./)).toBeVisible()
  const actionId = BigInt((await dispute.getByText(/pessimistic action #\d+/).innerText()).match(/#(\d+)/)![1]!)
  // The fee left the contributor's wallet with the transaction (plus gas).
  expect(adaBeforeDispute - (await balanceOf(ada.address))).toBeGreaterThanOrEqual(parseEther(feeText))
  await contributor.page.reload()
  const shown = contributor.page.getByRole('region', { name: 'Disputes' }).getByTestId('dispute')
  await expect(shown).toHaveAttribute('data-state', 'open')
  await expect(shown).toContainText(`Settle the ${word} port`)
  await expect(shown.getByRole('strong').filter({ hasText: 'whole' })).toBeVisible()
  await expect(shown).toContainText('Asks to pay the executor 0.25 ETH')
  await expect(shown.getByRole('link', { name: `pessimistic action #${actionId}` })).toBeVisible()

  // The Dispute department votes it through (chain calls: see dispute-chain.ts); the task
  // completes by dispute, paying the contributor the part and refunding the rest.
  const adaBeforeResolution = await balanceOf(ada.address)
  await resolveDisputeByVote(actionId, `Resolve the ${word} dispute`)
  await expect(async () => {
    await page.reload()
    await expect(page.getByRole('region', { name: 'Disputes' }).getByTestId('dispute')).toHaveAttribute('data-state', 'resolved', { timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  const resolved = page.getByRole('region', { name: 'Disputes' }).getByTestId('dispute')
  await expect(resolved.getByTestId('dispute-state')).toContainText('Resolved by the Dispute department')
  await expect(resolved.getByRole('link', { name: `Resolve the ${word} dispute` })).toBeVisible()
  await expect(stateBadge(page)).toHaveText('Closed · Settled by dispute')
  expect((await balanceOf(ada.address)) - adaBeforeResolution).toBe(parseEther('0.25'))

  await manager.close()
  await contributor.close()
})
