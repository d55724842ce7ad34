import { expect, test, type Page } from '@playwright/test'
import { departmentLabels, type DepartmentName } from '../config/departments'
import { departmentOptimisticSpecs, departmentProposals, draftSpecs, genesisMembers, membershipProposal } from '../devnet/world/specs/departments'
import { optimisticSpecs, proposalSpecs } from '../devnet/world/specs/governance'
import { resolveAccount } from './fixtures'
import { failOnPageErrors } from './tasks-helpers'

// The governance pages against the seeded devnet (devnet/world/*): every proposal of every voting
// plugin (the Openmesh DAO's TokenVoting and each department's TagVoting) and every optimistic
// action of the Openmesh DAO and the departments, keyed by (dao, id), is visible in its state; the
// department pages show members, proposals, actions and drafts; bad ids are 404s.

const proposalLabel = { 'executed-early': 'Executed', executed: 'Executed', passed: 'Passed', failed: 'Failed', defeated: 'Failed', active: 'Active' } as const
const actionLabel = { pending: 'Pending', ready: 'Ready to execute', rejected: 'Rejected', executed: 'Executed' } as const

/** The department key of the specs → its name in the deployment and on the pages. */
const departmentOf = { dispute: 'DISPUTE', coreMember: 'COREMEMBER', expert: 'EXPERT' } as const satisfies Record<string, DepartmentName>
const bodyName = (key: keyof typeof departmentOf) => `${departmentLabels[departmentOf[key]]} department`
const slugOf = (key: keyof typeof departmentOf) => departmentOf[key].toLowerCase()

const openmeshProposals = proposalSpecs.map((spec) => ({ title: spec.title, outcome: spec.outcome, body: 'Openmesh DAO' }))
const allDepartmentProposals = [membershipProposal, ...departmentProposals].map((spec) => ({
  title: spec.title,
  outcome: spec.outcome,
  body: bodyName(spec.department),
}))
const allProposals = [...openmeshProposals, ...allDepartmentProposals]
const allActions = [
  ...optimisticSpecs.map((spec) => ({ title: spec.title, outcome: spec.outcome, body: 'Openmesh DAO' })),
  ...departmentOptimisticSpecs.map((spec) => ({ title: spec.title, outcome: spec.outcome, body: bodyName(spec.department) })),
]

const card = (page: Page, region: string, title: string) =>
  page
    .getByRole('region', { name: region, exact: true })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })

/** Opens a proposal or action from its card's title link. */
const openCard = (page: Page, region: string, title: string) => card(page, region, title).getByRole('link', { name: title, exact: true }).click()

test.beforeEach(({ page }) => failOnPageErrors(page))

test('the DAO overview lists the proposals of every voting plugin and the optimistic actions of every DAO', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'DAO' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'DAO' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Voting rules' })).toContainText('Support threshold 50%')
  await expect(page.getByRole('region', { name: 'Voting rules' })).toContainText('Minimum participation 20%')

  const tabs = page.getByRole('navigation', { name: 'Proposal states' })
  await expect(tabs.getByRole('link', { name: /^All/ })).toContainText(String(allProposals.length))
  for (const spec of allProposals) {
    const item = card(page, 'Proposals', spec.title)
    await expect(item, spec.title).toHaveCount(1)
    await expect(item.getByText(proposalLabel[spec.outcome], { exact: true }), `${spec.title} is ${spec.outcome}`).toBeVisible()
    await expect(item, `${spec.title} is a proposal of the ${spec.body}`).toContainText(spec.body)
    await expect(item.getByRole('list', { name: 'Tally' })).toContainText('Yes')
  }
  for (const spec of allActions) {
    const item = card(page, 'Optimistic actions', spec.title)
    await expect(item, spec.title).toHaveCount(1)
    await expect(item.getByText(actionLabel[spec.outcome], { exact: true }), `${spec.title} is ${spec.outcome}`).toBeVisible()
    await expect(item, `${spec.title} is an action of the ${spec.body}`).toContainText(spec.body)
  }
  // A pending action says when it becomes executable; an add-contributor action names the OVC it mints.
  const pending = optimisticSpecs.find((spec) => spec.outcome === 'pending')!
  await expect(card(page, 'Optimistic actions', pending.title)).toContainText(/executable from \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in \d+ minutes?\)/)
  await expect(card(page, 'Optimistic actions', pending.title)).toContainText(`mint OVC #${pending.tokenId} to ${resolveAccount(pending.member).name}`)
  // Openmesh DAO and CoreMember both have an action #0: two cards, two pages.
  const zeroes = [optimisticSpecs[0]!, departmentOptimisticSpecs[0]!]
  const hrefs = await Promise.all(zeroes.map((spec) => card(page, 'Optimistic actions', spec.title).getByRole('link', { name: spec.title, exact: true }).getAttribute('href')))
  expect(hrefs).toEqual(['/dao/actions/openmesh/optimistic/0', `/dao/actions/${slugOf(departmentOptimisticSpecs[0]!.department)}/optimistic/0`])

  await expect(page.getByRole('link', { name: 'Members', exact: true })).toHaveAttribute('href', '/dao/members')
  await expect(page.getByRole('link', { name: 'Membership requests' })).toHaveAttribute('href', '/dao/requests')
  for (const key of ['dispute', 'coreMember', 'expert'] as const) {
    await expect(page.getByRole('navigation', { name: 'DAO sections' }).getByRole('link', { name: bodyName(key) })).toHaveAttribute('href', `/dao/departments/${slugOf(key)}`)
  }
})

test('the proposal list filters by state in the URL, across every body', async ({ page }) => {
  await page.goto('/dao')
  const tabs = page.getByRole('navigation', { name: 'Proposal states' })
  await tabs.getByRole('link', { name: /^Failed/ }).click()
  await expect(page).toHaveURL(/\/dao\?state=failed$/)
  const failed = allProposals.filter((spec) => proposalLabel[spec.outcome] === 'Failed')
  await expect(page.getByRole('region', { name: 'Proposals' }).getByRole('listitem').filter({ has: page.getByRole('heading') })).toHaveCount(failed.length)
  for (const spec of failed) await expect(card(page, 'Proposals', spec.title)).toHaveCount(1)
  await expect(card(page, 'Proposals', allProposals.find((spec) => spec.outcome === 'passed')!.title)).toHaveCount(0)

  await page.goto('/dao?state=executed')
  await expect(tabs.getByRole('link', { name: /^Executed/ })).toHaveAttribute('aria-current', 'page')
  for (const spec of allProposals.filter((s) => proposalLabel[s.outcome] === 'Executed')) await expect(card(page, 'Proposals', spec.title)).toHaveCount(1)

  const bad = await page.goto('/dao?state=nonsense')
  expect(bad?.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('Unknown proposal state')
})

test('a TokenVoting proposal page shows its summary, decoded actions, result, votes and execution', async ({ page }) => {
  const spec = proposalSpecs.find((s) => s.title === 'Fund the docs sprint')!
  await page.goto('/dao')
  await openCard(page, 'Proposals', spec.title)
  await expect(page).toHaveURL(/\/dao\/proposals\/openmesh\/0$/)
  await expect(page.getByRole('heading', { level: 1, name: spec.title })).toBeVisible()
  await expect(page.getByText('Executed', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('fund its bounties')
  // The summary is rich text: its list is rendered as a list.
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('listitem').filter({ hasText: '2 ETH for bounties paid in ETH' })).toBeVisible()

  const actions = page.getByRole('region', { name: 'Actions' })
  await expect(actions).toContainText('send 2 ETH to Bruno Costa')
  await expect(actions).toContainText('transfer 5000 OPEN to Bruno Costa')

  const result = page.getByRole('region', { name: 'Result' })
  await expect(result).toContainText('3 votes cast by 3 voters of 5 votes (60%)')
  await expect(result).toContainText('minimum 1 vote (20%): ✓ reached')
  await expect(result).toContainText('needs more than 50%: ✓ reached')

  const votes = page.getByRole('region', { name: 'Votes' })
  await expect(votes.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(spec.votes.length)
  for (const vote of spec.votes) await expect(votes.getByRole('row').filter({ hasText: resolveAccount(vote.voter).name })).toContainText('Yes')
  await expect(page.getByTestId('execution')).toContainText(/Executed .*0x[0-9a-f]{8}…[0-9a-f]{6}/)

  // The URL of before departments voted (no body in it) still leads there.
  await page.goto('/dao/proposals/0')
  await expect(page).toHaveURL(/\/dao\/proposals\/openmesh\/0$/)
})

test('a department proposal resolving a dispute decodes its performCall, and a failed one says why', async ({ page }) => {
  const resolve = departmentProposals.find((s) => s.department === 'dispute' && s.outcome === 'executed')!
  await page.goto('/dao/departments/dispute')
  await openCard(page, 'Proposals', resolve.title)
  await expect(page).toHaveURL(/\/dao\/proposals\/dispute\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: resolve.title })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Actions' })).toContainText(/Dispute department calls: approve pessimistic action #\d+ of Dispute department/)
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('of 3 votes')
  await expect(page.getByRole('region', { name: 'Votes' }).getByRole('row').filter({ hasText: resolveAccount(resolve.proposer).name })).toContainText('Yes')

  await page.goto('/dao?state=failed')
  await openCard(page, 'Proposals', 'Pay every task budget in USDC only')
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('✗ not reached')
  await expect(page.getByTestId('execution')).toContainText('it failed and can never be executed')
})

test('an optimistic action page shows its calls, state, rejection reason (rich text, sanitized) and execution', async ({ page }) => {
  const rejected = optimisticSpecs.find((s) => s.outcome === 'rejected')!
  await page.goto('/dao')
  await openCard(page, 'Optimistic actions', rejected.title)
  await expect(page).toHaveURL(/\/dao\/actions\/openmesh\/optimistic\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: rejected.title })).toBeVisible()
  await expect(page.getByText('Rejected', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Actions' })).toContainText(`mint OVC #${rejected.tokenId} to ${resolveAccount(rejected.member).name}`)
  const rejections = page.getByRole('region', { name: 'Rejections' })
  // The reason document is the editor's HTML: shown as formatted text, never as tags.
  await expect(rejections).toContainText('Let us revisit after his first completed task.')
  await expect(rejections.locator('strong')).toHaveText('first completed task')
  await expect(rejections).not.toContainText('<p>')
  await expect(rejections).toContainText(`Rejected by ${resolveAccount(rejected.rejectedBy!).name}`)
  await expect(page.getByRole('region', { name: 'On chain' })).toContainText(`Creator${resolveAccount(rejected.creator).name}`)

  const executed = departmentOptimisticSpecs.find((s) => s.outcome === 'executed')!
  await page.goto(`/dao/departments/${slugOf(executed.department)}`)
  await openCard(page, 'Optimistic actions', executed.title)
  await expect(page).toHaveURL(new RegExp(`/dao/actions/${slugOf(executed.department)}/optimistic/\\d+$`))
  await expect(page.getByRole('region', { name: 'On chain' })).toContainText(/Executed .*by .*0x[0-9a-f]{8}…[0-9a-f]{6}/)

  const pending = optimisticSpecs.find((s) => s.outcome === 'pending')!
  await page.goto('/dao')
  await openCard(page, 'Optimistic actions', pending.title)
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('any member can reject it until it becomes executable')
})

test('unknown or malformed ids are 404 pages, bad filters are 4xx, never 500', async ({ page }) => {
  for (const path of [
    '/dao/proposals/openmesh/999999',
    '/dao/proposals/openmesh/abc',
    '/dao/proposals/dispute/-1',
    '/dao/proposals/nowhere/0',
    '/dao/proposals/abc',
    '/dao/actions/openmesh/optimistic/999999',
    '/dao/actions/openmesh/sideways/0',
    '/dao/actions/coremember/optimistic/abc',
    '/dao/actions/abc',
    '/dao/departments/nowhere',
  ]) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { name: 'Not found' }), path).toBeVisible()
  }
  expect((await page.goto('/contributors?page=zero'))?.status()).toBe(400)
})

test('the members page lists every OVC holder with delegate, voting power and department tags', async ({ page }) => {
  await page.goto('/dao')
  await page.getByRole('link', { name: 'Members', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
  const founders = ['Ada Okafor', 'Bruno Costa', 'Chen Wei', 'Dalia Haddad', 'Emeka Nwosu']
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') })
  await expect(rows).toHaveCount(founders.length + 1)
  // A member's row is the one whose name opens it (Freya's row names Bruno as her delegate).
  const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}(\\s|$)`) })
  for (const name of founders) await expect(row(name)).toContainText('self')
  // Freya delegates her vote to Bruno, who then holds two.
  await expect(row('Freya Lindqvist')).toContainText('Bruno Costa')
  await expect(row('Freya Lindqvist')).toContainText('0 votes')
  await expect(row('Bruno Costa')).toContainText('2 votes')
  // Department tags: the genesis members, and Chen added to CoreMember by its vote.
  for (const key of ['dispute', 'coreMember', 'expert'] as const) {
    for (const member of genesisMembers[key]) await expect(row(resolveAccount(member).name)).toContainText(bodyName(key))
  }
  await expect(row('Chen Wei')).toContainText(bodyName('coreMember'))
  await expect(row('Freya Lindqvist')).not.toContainText('department')
})

test('a department page shows its members, proposals, optimistic and pessimistic actions and drafts', async ({ page }) => {
  await page.goto('/dao')
  await page.getByRole('navigation', { name: 'DAO sections' }).getByRole('link', { name: bodyName('coreMember') }).click()
  await expect(page).toHaveURL(/\/dao\/departments\/coremember$/)
  await expect(page.getByRole('heading', { level: 1, name: bodyName('coreMember') })).toBeVisible()

  const members = page.getByRole('region', { name: 'Members' }).getByRole('row').filter({ has: page.getByRole('cell') })
  const expected = [...genesisMembers.coreMember, membershipProposal.actions[0]!.kind === 'addMember' ? membershipProposal.actions[0]!.member : -1]
  await expect(members).toHaveCount(expected.length)
  for (const member of expected) await expect(members.filter({ hasText: resolveAccount(member).name })).toHaveCount(1)

  for (const spec of allDepartmentProposals.filter((s) => s.body === bodyName('coreMember'))) {
    await expect(card(page, 'Proposals', spec.title).getByText(proposalLabel[spec.outcome], { exact: true }), spec.title).toBeVisible()
  }
  // Only this department's: none of the Openmesh DAO's or another department's.
  await expect(card(page, 'Proposals', proposalSpecs[0]!.title)).toHaveCount(0)
  for (const spec of departmentOptimisticSpecs.filter((s) => s.department === 'coreMember')) {
    await expect(card(page, 'Optimistic actions', spec.title).getByText(actionLabel[spec.outcome], { exact: true }), spec.title).toBeVisible()
  }
  await expect(card(page, 'Optimistic actions', optimisticSpecs[0]!.title)).toHaveCount(0)
  for (const draft of draftSpecs.filter((d) => d.department === 'coreMember')) {
    await expect(page.getByRole('region', { name: 'Task drafts' }).getByRole('listitem').filter({ hasText: draft.title }), draft.title).toHaveCount(1)
  }
  await expect(page.getByRole('region', { name: 'Task drafts' })).toContainText(/became task #\d+/)

  // The Dispute department's pessimistic actions are the disputes queued by TaskDisputes.
  await page.goto('/dao/departments/dispute')
  const pessimistic = page.getByRole('region', { name: 'Pessimistic actions' })
  await expect(pessimistic).toContainText('completeByDispute')
  await expect(pessimistic.getByText('Executed', { exact: true }).first()).toBeVisible()
})

test('the contributor directory lists everyone seen on chain and links to their profile', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contributors' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Contributors' })).toBeVisible()
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
  for (const name of ['Ada Okafor', 'Hana Sato', 'Ivan Petrov', 'Jamila Yusuf']) await expect(row(name)).toHaveCount(1)
  await expect(row('Ada Okafor')).toContainText('task manager')
  await expect(row('Ada Okafor')).toContainText('verified') // an OVC holder: a verified contributor
  await expect(row('Hana Sato')).toContainText('applicant')
  await expect(page.getByRole('link', { name: 'Verified Contributor (OVC)' })).toHaveCount(0)

  await row('Hana Sato').getByRole('link', { name: 'Hana Sato' }).click()
  await expect(page).toHaveURL(new RegExp(`/contributors/${resolveAccount('Hana Sato').address}$`, 'i'))
  expect(await page.title()).toContain('Contributors')
})
