import { createWalletClient, http, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { openTokenAbi } from '../contracts-abi/OpenToken'
import { devnetDeploymentPath, readDeploymentFile } from '../config/deployment'
import { E2E_RPC_URL, expect, resolveAccount, test } from './fixtures'
import { application, balanceOf, expectWriteVisible, openAs, takeTask, uniqueWord } from './tasks-helpers'

// A manager's tools on one task: an OPEN budget with its approve step, a revert explained in
// words, topping up the budget, extending the deadline, editing the description, a partial
// payment, and the contributor opening a dispute (a DAO proposal).

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

test('manager tools: approve + create, revert in words, top up, extend, edit, partial pay, dispute', async ({ browser, baseURL }) => {
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

  // The contributor disputes: a DAO proposal to settle the task (the DAO is the dispute manager).
  await contributor.page.reload()
  await contributor.page.getByText('Open a dispute', { exact: true }).click()
  const dispute = contributor.page.getByRole('form', { name: 'Open a dispute' })
  await dispute.getByLabel('Proposal title').fill(`Settle the ${word} port`)
  await dispute.getByLabel('What happened, and the settlement you propose').fill('Delivered, but the manager stopped answering.')
  await dispute.getByLabel('Pay the contributor (ETH)').fill('0.5')
  await dispute.getByRole('button', { name: 'Create the dispute proposal' }).click()
  await expectWriteVisible(dispute)
  await expect(dispute.getByText(/Dispute proposal #\d+ is open for votes\./)).toBeVisible()

  await manager.close()
  await contributor.close()
})
