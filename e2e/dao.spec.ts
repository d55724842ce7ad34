import { expect, test, type Page } from '@playwright/test'
import { createWalletClient, http, type Address } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { devnetDeploymentPath, readDeploymentFile } from '../config/deployment'
import { tokenVotingAbi } from '../contracts-abi'
import { optimisticSpecs, proposalSpecs } from '../devnet/world/specs/governance'
import { E2E_RPC_URL, resolveAccount } from './fixtures'
import { failOnPageErrors } from './tasks-helpers'

// The governance pages against the seeded devnet: every proposal and optimistic action state of
// devnet/world/governance.ts is visible, votes carry their reasons (as text), bad ids are 404s.

const proposalLabel = { 'executed-early': 'Executed', executed: 'Executed', passed: 'Passed', failed: 'Failed', active: 'Active' } as const
const actionLabel = { pending: 'Pending', ready: 'Ready to execute', rejected: 'Rejected', executed: 'Executed' } as const

const card = (page: Page, region: string, title: string) =>
  page
    .getByRole('region', { name: region })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })

/** Opens a proposal or action from its card's title link. */
const openCard = (page: Page, region: string, title: string) => card(page, region, title).getByRole('link', { name: title, exact: true }).click()

test.beforeEach(({ page }) => failOnPageErrors(page))

test('the DAO overview shows every proposal and optimistic action in its state', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'DAO' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'DAO' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Voting rules' })).toContainText('Support threshold 50%')
  await expect(page.getByRole('region', { name: 'Voting rules' })).toContainText('Minimum participation 20%')

  for (const spec of proposalSpecs) {
    const item = card(page, 'Proposals', spec.title)
    await expect(item, spec.title).toHaveCount(1)
    await expect(item.getByText(proposalLabel[spec.outcome], { exact: true }), `${spec.title} is ${spec.outcome}`).toBeVisible()
    await expect(item.getByRole('list', { name: 'Tally' })).toContainText('Yes')
  }
  for (const spec of optimisticSpecs) {
    const item = card(page, 'Optimistic actions', spec.title)
    await expect(item, spec.title).toHaveCount(1)
    await expect(item.getByText(actionLabel[spec.outcome], { exact: true }), `${spec.title} is ${spec.outcome}`).toBeVisible()
  }
  // A pending action says when it becomes executable; every action names the OVC it mints.
  const pending = optimisticSpecs.find((spec) => spec.outcome === 'pending')!
  await expect(card(page, 'Optimistic actions', pending.title)).toContainText(/executable from \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in \d+ minutes?\)/)
  await expect(card(page, 'Optimistic actions', pending.title)).toContainText(`mint OVC #${pending.tokenId} to`)

  await expect(page.getByRole('link', { name: 'Members', exact: true })).toHaveAttribute('href', '/dao/members')
  await expect(page.getByRole('link', { name: 'Membership requests' })).toHaveAttribute('href', '/dao/requests')
})

test('the proposal list filters by state in the URL', async ({ page }) => {
  await page.goto('/dao')
  const tabs = page.getByRole('navigation', { name: 'Proposal states' })
  await tabs.getByRole('link', { name: /^Failed/ }).click()
  await expect(page).toHaveURL(/\/dao\?state=failed$/)
  const failed = proposalSpecs.filter((spec) => spec.outcome === 'failed')
  await expect(page.getByRole('region', { name: 'Proposals' }).getByRole('listitem').filter({ has: page.getByRole('heading') })).toHaveCount(failed.length)
  for (const spec of failed) await expect(card(page, 'Proposals', spec.title)).toHaveCount(1)
  await expect(card(page, 'Proposals', proposalSpecs.find((spec) => spec.outcome === 'passed')!.title)).toHaveCount(0)

  await page.goto('/dao?state=executed')
  await expect(tabs.getByRole('link', { name: /^Executed/ })).toHaveAttribute('aria-current', 'page')
  for (const spec of proposalSpecs.filter((s) => s.outcome.startsWith('executed'))) await expect(card(page, 'Proposals', spec.title)).toHaveCount(1)

  const bad = await page.goto('/dao?state=nonsense')
  expect(bad?.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('Unknown proposal state')
})

test('a proposal page shows its summary, decoded actions, result, votes with reasons and execution', async ({ page }) => {
  const spec = proposalSpecs.find((s) => s.title === 'Fund the docs sprint')!
  await page.goto('/dao')
  await openCard(page, 'Proposals', spec.title)
  await expect(page).toHaveURL(/\/dao\/proposals\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: spec.title })).toBeVisible()
  await expect(page.getByText('Executed', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('fund its bounties')
  // The description's markdown list is rendered as a list.
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('listitem').filter({ hasText: '2 ETH for bounties paid in ETH' })).toBeVisible()

  const actions = page.getByRole('region', { name: 'Actions' })
  await expect(actions).toContainText('send 2 ETH to Bruno Costa')
  await expect(actions).toContainText('transfer 5000 OPEN to Bruno Costa')
  await expect(actions).toContainText('transfer')

  const result = page.getByRole('region', { name: 'Result' })
  await expect(result).toContainText('3 votes cast by 3 voters of 5 votes (60%)')
  await expect(result).toContainText('minimum 1 vote (20%): ✓ reached')
  await expect(result).toContainText('needs more than 50%: ✓ reached')

  for (const vote of spec.votes) {
    const row = page.getByRole('row').filter({ hasText: resolveAccount(vote.voter).name })
    await expect(row).toContainText('Yes')
    if (vote.reason) await expect(row.getByRole('cell', { name: vote.reason })).toBeVisible()
  }
  await expect(page.getByTestId('execution')).toContainText(/Executed .*0x[0-9a-f]{8}…[0-9a-f]{6}/)
})

test('a failed proposal says why, and a vote reason is shown as text, never as HTML', async ({ page }) => {
  await page.goto('/dao?state=failed')
  await openCard(page, 'Proposals', 'Pay every task budget in USDC only')
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('✗ not reached')
  await expect(page.getByTestId('execution')).toContainText('it failed and can never be executed')

  // Bruno votes on the open grants proposal with a hostile reason.
  await page.goto('/dao?state=active')
  const link = card(page, 'Proposals', 'Quarterly contributor grants').getByRole('link', { name: 'Quarterly contributor grants' })
  const href = await link.getAttribute('href')
  const proposalId = BigInt(href!.split('/').pop()!)
  const reason = `<img src=x onerror="window.__pwned=1"> <b>bold?</b> ${Date.now()}`
  const deployment = readDeploymentFile(devnetDeploymentPath('.data/e2e'))!
  const bruno = resolveAccount('Bruno Costa')
  const wallet = createWalletClient({ account: privateKeyToAccount(bruno.privateKey), chain: foundry, transport: http(E2E_RPC_URL) })
  await wallet.writeContract({
    address: deployment.contracts.tokenVoting!.address as Address,
    abi: tokenVotingAbi,
    functionName: 'voteWithReason',
    args: [proposalId, 3, false, reason],
  })

  await expect(async () => {
    await page.goto(href!)
    await expect(page.getByRole('row').filter({ hasText: 'Bruno Costa' })).toContainText(reason, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await expect(page.getByRole('row').filter({ hasText: 'Bruno Costa' })).toContainText('No')
  await expect(page.getByRole('region', { name: 'Votes' }).locator('img')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
})

test('an optimistic action page shows its calls, state, rejection reason and execution', async ({ page }) => {
  const rejected = optimisticSpecs.find((s) => s.outcome === 'rejected')!
  await page.goto('/dao')
  await openCard(page, 'Optimistic actions', rejected.title)
  await expect(page).toHaveURL(/\/dao\/actions\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: rejected.title })).toBeVisible()
  await expect(page.getByText('Rejected', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Actions' })).toContainText(`mint OVC #${rejected.tokenId} to ${resolveAccount(rejected.member).name}`)
  const rejections = page.getByRole('region', { name: 'Rejections' })
  await expect(rejections).toContainText(rejected.rejectReason!)
  await expect(rejections).toContainText(`Rejected by ${resolveAccount(rejected.rejectedBy!).name}`)
  await expect(page.getByRole('region', { name: 'On chain' })).toContainText(`Creator${resolveAccount(rejected.creator).name}`)

  const executed = optimisticSpecs.find((s) => s.outcome === 'executed')!
  await page.goto('/dao')
  await openCard(page, 'Optimistic actions', executed.title)
  await expect(page.getByRole('region', { name: 'On chain' })).toContainText(/Executed .*by .*0x[0-9a-f]{8}…[0-9a-f]{6}/)

  const pending = optimisticSpecs.find((s) => s.outcome === 'pending')!
  await page.goto('/dao')
  await openCard(page, 'Optimistic actions', pending.title)
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('any member can reject it until it becomes executable')
})

test('unknown or malformed ids are 404 pages, bad filters are 4xx, never 500', async ({ page }) => {
  for (const path of ['/dao/proposals/999999', '/dao/proposals/abc', '/dao/proposals/-1', '/dao/actions/999999', '/dao/actions/abc']) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  }
  expect((await page.goto('/contributors?page=zero'))?.status()).toBe(400)
})

test('the members page lists every OVC holder with delegate and voting power', async ({ page }) => {
  await page.goto('/dao')
  await page.getByRole('link', { name: 'Members', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
  const members = ['Ada Okafor', 'Bruno Costa', 'Chen Wei', 'Dalia Haddad', 'Emeka Nwosu', 'Freya Lindqvist']
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') })
  await expect(rows).toHaveCount(members.length)
  for (const name of members) {
    const row = rows.filter({ hasText: name })
    await expect(row).toContainText('self')
    await expect(row).toContainText('1 vote')
  }
  await expect(rows.filter({ hasText: 'Freya Lindqvist' })).toContainText('#6')
})

test('the contributor directory lists everyone seen on chain and links to their profile', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contributors' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Contributors' })).toBeVisible()
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
  for (const name of ['Ada Okafor', 'Hana Sato', 'Ivan Petrov', 'Jamila Yusuf']) await expect(row(name)).toHaveCount(1)
  await expect(row('Ada Okafor')).toContainText('task manager')
  await expect(row('Ada Okafor')).toContainText('member')
  await expect(row('Hana Sato')).toContainText('applicant')
  await expect(page.getByRole('link', { name: 'Verified Contributor (OVC)' })).toHaveCount(0)

  await row('Hana Sato').getByRole('link', { name: 'Hana Sato' }).click()
  await expect(page).toHaveURL(new RegExp(`/contributors/${resolveAccount('Hana Sato').address}$`, 'i'))
  expect(await page.title()).toContain('Contributors')
})
