import fs from 'node:fs'
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { privateKeyToAccount } from 'viem/accounts'
import { voteStatementTypedData } from '../app/dao/vote-statement'
import { optimisticSpecs } from '../devnet/world/specs/governance'
import { E2E_CHAIN_ID, E2E_RPC_URL, resolveAccount } from './fixtures'
import { expectWriteVisible, openAs, uniqueWord, waitForHydration, type Actor } from './tasks-helpers'

// Governing from the browser on the devnet's real topology, each member in their own browser
// with their own Test Wallet: a new member's optimistic action executes and they activate their
// votes, lend them and take them back; a proposal gets three votes with signed reasons and
// executes early; a forged reason is never shown; an add-contributor action is rejected, another
// executes after the delay (anvil time travel); the Dispute department resolves a dispute and the
// task pays out. Every write is followed to "visible" without a reload.

const DEVNET_OPTIMISTIC_EXECUTE_DELAY = 10 * 60

const card = (page: Page, region: string, title: string) =>
  page.getByRole('region', { name: region, exact: true }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) })

async function open(browser: Browser, baseURL: string | undefined, who: string, path: string): Promise<Actor> {
  const actor = await openAs(browser, baseURL!, who, path)
  await waitForHydration(actor.page)
  return actor
}

async function rpc(method: string, params: unknown[]) {
  const response = await fetch(E2E_RPC_URL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
  const body = (await response.json()) as { error?: { message: string } }
  if (body.error) throw new Error(`${method}: ${body.error.message}`)
}

const panel = (page: Page) => page.getByTestId('voting-power')

// Click-to-visible time of every write (the note lists them): .cache/governance-write-timings.json.
const timings: { write: string; ms: number }[] = []
async function clickToVisible(write: string, click: () => Promise<void>, done: () => Promise<void>) {
  const start = Date.now()
  await click()
  await done()
  timings.push({ write, ms: Date.now() - start })
}
const visibleIn = (scope: Locator | Page) => () => expectWriteVisible(scope)

test.afterAll(() => {
  fs.mkdirSync('.cache', { recursive: true })
  fs.writeFileSync('.cache/governance-write-timings.json', JSON.stringify(timings, null, 2) + '\n')
  console.log(timings.map((t) => `${t.write}: ${(t.ms / 1000).toFixed(1)} s`).join('\n'))
})

test('a new member is added by an optimistic action, activates their votes in one click, lends them and takes them back', async ({ browser, baseURL }) => {
  const hanaSpec = optimisticSpecs.find((spec) => spec.outcome === 'ready')!
  const bruno = await open(browser, baseURL, 'Bruno', '/dao')
  await card(bruno.page, 'Optimistic actions', hanaSpec.title).getByRole('link', { name: hanaSpec.title, exact: true }).click()
  await waitForHydration(bruno.page)
  await expect(bruno.page.getByTestId('simulation')).toContainText('Simulated from the DAO’s address just now: the call succeeds')
  await clickToVisible('execute an optimistic action', () => bruno.page.getByRole('button', { name: 'Execute the action' }).click(), visibleIn(bruno.page))
  await expect(bruno.page.getByTestId('action-status')).toContainText('Executed')
  await bruno.close()

  const hana = await open(browser, baseURL, 'Hana', '/dao/members')
  await expect(panel(hana.page)).toContainText('0 votes.')
  await expect(panel(hana.page)).toContainText('not delegated yours yet')
  await expect(panel(hana.page)).toContainText('counts from the next proposal')
  await clickToVisible('activate votes (self-delegate)', () => panel(hana.page).getByRole('button', { name: 'Activate my votes' }).click(), visibleIn(panel(hana.page)))
  await expect(panel(hana.page).locator('[data-power="active"]')).toContainText('1 vote: your votes are active')

  // Lend the vote to Ada: Ada's row says who delegates to her; then take it back.
  await panel(hana.page).getByText('Delegate your vote to another member').click()
  await panel(hana.page).getByLabel('Delegate to').selectOption({ label: 'Ada Okafor' })
  await clickToVisible('delegate to another member', () => panel(hana.page).getByRole('button', { name: 'Delegate', exact: true }).click(), visibleIn(panel(hana.page)))
  await expect(panel(hana.page).locator('[data-power="delegated"]')).toContainText('You delegated your vote to Ada Okafor')
  const adaRow = hana.page.locator(`tr[data-address="${resolveAccount('Ada').address.toLowerCase()}"]`)
  await expect(adaRow.getByTestId('delegated-by')).toContainText('Hana Sato')
  await clickToVisible('take the vote back', () => panel(hana.page).getByRole('button', { name: 'Take my vote back' }).click(), visibleIn(panel(hana.page)))
  await expect(panel(hana.page).locator('[data-power="active"]')).toBeVisible()
  await expect(adaRow.getByTestId('delegated-by')).not.toContainText('Hana Sato')
  await hana.close()
})

async function vote(actor: Actor, option: 'Yes' | 'No' | 'Abstain', reason: string) {
  const section = actor.page.getByRole('region', { name: 'Your vote' })
  await section.getByLabel('Reason (optional)').fill(reason)
  await clickToVisible('vote with a signed reason', () => section.getByRole('button', { name: `Vote ${option}` }).click(), visibleIn(section))
  await expect(section.getByTestId('my-vote')).toContainText(`You voted ${option}`)
  await expect(section.getByTestId('my-vote')).toContainText(reason)
}

test('members create a proposal, vote with signed reasons, the tally updates and it executes early; a forged reason is not shown', async ({ browser, baseURL }) => {
  const word = uniqueWord('grant')
  const title = `Grant Jamila 1 ETH ${word}`
  const jamila = resolveAccount('Jamila')
  const ada = await open(browser, baseURL, 'Ada', '/dao/new?kind=proposal&body=openmesh')
  const form = ada.page.getByRole('form', { name: 'New proposal' })
  await form.getByLabel('Title').fill(title)
  await form.getByLabel('Summary (markdown)').fill('For the **translations** she did this quarter.')
  await form.getByLabel('Action').selectOption({ label: 'Send ETH' })
  await form.getByLabel('Recipient').fill(jamila.address)
  await form.getByLabel('Amount (ETH)').fill('1')
  await expect(form.getByTestId('action-preview')).toHaveText('Send 1 ETH to Jamila Yusuf')
  await form.getByText('Raw calldata').click()
  await expect(form.getByTestId('calldata')).toHaveText('0x')
  await clickToVisible(
    'create a proposal (page opens on it)',
    () => form.getByRole('button', { name: 'Create the proposal' }).click(),
    async () => {
      await ada.page.waitForURL(/\/dao\/proposals\/openmesh\/\d+$/, { timeout: 60_000 })
      await expect(ada.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    },
  )
  const path = new URL(ada.page.url()).pathname
  const proposalId = path.split('/').pop()!
  await waitForHydration(ada.page)
  await vote(ada, 'Yes', `Ada: she earned it ${word}`)
  await expect(ada.page.getByRole('list', { name: 'Tally' })).toContainText('Yes 1 vote · 100%')
  await ada.close()

  const bruno = await open(browser, baseURL, 'Bruno', path)
  await vote(bruno, 'Yes', `Bruno: agreed ${word}`)
  // Bruno votes with Freya's delegated OVC too.
  await expect(bruno.page.getByRole('list', { name: 'Tally' })).toContainText('Yes 3 votes · 100%')
  await expect(bruno.page.getByRole('region', { name: 'Result' })).toContainText('3 votes cast by 2 voters')

  // Dalia never votes: a reason she signs is stored, but never shown; one claiming to be Ada's is refused.
  const dalia = await open(browser, baseURL, 'Dalia', '/dao')
  const pluginAddress = (await bruno.page.locator('section[data-plugin]').getAttribute('data-plugin'))!
  const forge = async (claimedVoter: string) => {
    const statement = { chainId: E2E_CHAIN_ID, plugin: pluginAddress, proposalId, option: 'no' as const, reason: `Forged by Dalia ${word}` }
    const signature = await privateKeyToAccount(resolveAccount('Dalia').privateKey).signTypedData(voteStatementTypedData(statement))
    return dalia.page.request.post('/ipfs', {
      headers: { Origin: new URL(baseURL!).origin },
      multipart: { intent: 'vote-reason', ...statement, chainId: String(E2E_CHAIN_ID), voter: claimedVoter, signature },
    })
  }
  expect((await forge(resolveAccount('Dalia').address)).status()).toBe(201)
  expect((await forge(resolveAccount('Ada').address)).status()).toBe(403)
  await dalia.close()

  const chen = await open(browser, baseURL, 'Chen', path)
  await expect(chen.page.getByTestId('execution')).toContainText('Voting is open')
  // Chen's Yes decides it (4 of 7 votes): the vote executes the proposal at once.
  await vote(chen, 'Yes', `Chen: yes ${word}`)
  await expect(chen.page.getByTestId('execution')).toContainText('Executed')
  await expect(chen.page.getByRole('list', { name: 'Tally' })).toContainText('Yes 4 votes · 100%')
  const votes = chen.page.getByRole('region', { name: 'Votes' })
  for (const reason of [`Ada: she earned it ${word}`, `Bruno: agreed ${word}`, `Chen: yes ${word}`]) await expect(votes).toContainText(reason)
  await expect(chen.page.getByText(`Forged by Dalia ${word}`)).toHaveCount(0)
  await chen.close()
})

async function createAction(actor: Actor, title: string, member: string): Promise<string> {
  await actor.page.goto('/dao/new?kind=action&body=openmesh')
  await waitForHydration(actor.page)
  const form = actor.page.getByRole('form', { name: 'New optimistic action' })
  await form.getByLabel('Title').fill(title)
  await form.getByLabel('New contributor’s address').fill(resolveAccount(member).address)
  await expect(form.getByTestId('action-preview')).toHaveText(`Mint OVC to ${resolveAccount(member).name}`)
  await clickToVisible(
    'create an optimistic action (page opens on it)',
    () => form.getByRole('button', { name: 'Create the optimistic action' }).click(),
    async () => {
      await actor.page.waitForURL(/\/dao\/actions\/openmesh\/optimistic\/\d+$/, { timeout: 60_000 })
      await expect(actor.page.getByTestId('action-status')).toContainText('In its objection period')
    },
  )
  return new URL(actor.page.url()).pathname
}

test('an optimistic add-contributor action is rejected with a reason; another executes after the delay and the member appears', async ({ browser, baseURL }) => {
  const word = uniqueWord('join')
  const bruno = await open(browser, baseURL, 'Bruno', '/dao')
  const rejected = await createAction(bruno, `Add Jamila ${word}`, 'Jamila')
  const kept = await createAction(bruno, `Add Ivan ${word}`, 'Ivan')
  await bruno.close()

  const emeka = await open(browser, baseURL, 'Emeka', rejected)
  const reject = emeka.page.getByRole('form', { name: 'Reject the action' })
  await reject.getByLabel('Why do you reject it?').fill(`Not yet: no accepted task ${word}`)
  await clickToVisible('reject with an ipfs {reason}', () => reject.getByRole('button', { name: 'Reject the action' }).click(), visibleIn(emeka.page.getByRole('region', { name: 'Status' })))
  await expect(emeka.page.getByTestId('action-status')).toContainText('Rejected by a member')
  await expect(emeka.page.getByRole('region', { name: 'Rejections' })).toContainText(`Not yet: no accepted task ${word}`)
  await emeka.close()

  await rpc('evm_increaseTime', [DEVNET_OPTIMISTIC_EXECUTE_DELAY + 60])
  await rpc('evm_mine', [])
  const ada = await open(browser, baseURL, 'Ada', kept)
  await expect(async () => {
    await ada.page.reload()
    await expect(ada.page.getByRole('button', { name: 'Execute the action' })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await waitForHydration(ada.page)
  await clickToVisible('execute after the delay', () => ada.page.getByRole('button', { name: 'Execute the action' }).click(), visibleIn(ada.page))
  await expect(ada.page.getByTestId('action-status')).toContainText('Executed')
  await ada.page.goto('/dao/members')
  await expect(ada.page.locator(`tr[data-address="${resolveAccount('Ivan').address.toLowerCase()}"]`)).toHaveAttribute('data-active', 'true')
  await expect(ada.page.locator(`tr[data-address="${resolveAccount('Jamila').address.toLowerCase()}"]`)).toHaveCount(0)
  await ada.close()
})

test('the Dispute department resolves an executor’s dispute by a vote, and the task pays out', async ({ browser, baseURL }) => {
  const bruno = await open(browser, baseURL, 'Bruno', '/dao/new?kind=proposal&body=dispute')
  const form = bruno.page.getByRole('form', { name: 'New proposal' })
  await form.getByLabel('Title').fill('Settle the flaky-tests dispute as asked')
  await form.getByLabel('Action').selectOption({ label: 'Resolve a dispute (pay as the dispute asks)' })
  const option = form.locator('select[name="disputeActionId"]').locator('option', { hasText: 'Flaky tests: fixed, but the review never came' })
  const optionText = await option.innerText()
  const taskId = /task #(\d+)/.exec(optionText)![1]!
  await form.locator('select[name="disputeActionId"]').selectOption({ label: optionText })
  await expect(form.getByTestId('action-preview')).toContainText('Resolve the dispute')
  await expect(form.getByTestId('action-preview')).toContainText('smart account')
  await form.getByRole('button', { name: 'Create the proposal' }).click()
  await bruno.page.waitForURL(/\/dao\/proposals\/dispute\/\d+$/, { timeout: 60_000 })
  const path = new URL(bruno.page.url()).pathname
  await waitForHydration(bruno.page)
  await vote(bruno, 'Yes', 'The submission was never reviewed.')
  await bruno.close()

  const chen = await open(browser, baseURL, 'Chen', path)
  await vote(chen, 'Yes', 'Agreed: 80% is fair.')
  await expect(chen.page.getByTestId('execution')).toContainText('Executed')
  await chen.page.goto(`/tasks/${E2E_CHAIN_ID}/${taskId}`)
  await expect(chen.page.getByRole('article').locator('header [data-state]')).toContainText('Closed')
  await expect(chen.page.getByRole('region', { name: 'Disputes' }).getByTestId('dispute')).toHaveAttribute('data-state', 'resolved')
  await chen.close()
})
