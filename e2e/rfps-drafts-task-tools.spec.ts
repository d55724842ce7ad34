import { expect, test } from '@playwright/test'
import { executeByDepartmentVote } from './dispute-chain'
import { resolveAccount } from './fixtures'
import { application, createTaskThroughForm, expectWriteVisible, openAs, stateBadge, uniqueWord, waitForHydration } from './tasks-helpers'

// OpenR&D's other tools in the browser. The task tools: the manager raises an application's
// reward, a contributor donates to the escrow (a plain transfer the page reads from the chain),
// the manager hands the task over, and the new manager cancels it: the creator's refund,
// donation included, shows in "Paid out" and the closed task is "due" no more. Drafts: a
// CoreMember member drafts a task; the department approves it by vote (chain calls, the vote UI
// is the governance pages'); the draft then links to the task it created, and the task to it.

test('task tools: increase a reward, donate, transfer management, refund to the creator in Paid out', async ({ browser, baseURL }) => {
  test.setTimeout(180_000)
  const word = uniqueWord('tools')
  const manager = await openAs(browser, baseURL!, 'Gabriel Ortiz', '/tasks')
  const contributor = await openAs(browser, baseURL!, 'Freya Lindqvist', '/tasks')
  const { chainId, taskId } = await createTaskThroughForm(manager.page, { title: `Tune the ${word} cache`, description: 'Make it **fast**.', eth: '1' })
  const taskPath = `/tasks/${chainId}/${taskId}`

  // Freya applies for 0.4 ETH.
  await contributor.page.goto(taskPath)
  const apply = contributor.page.getByRole('form', { name: 'Apply for this task' })
  await apply.getByLabel('Plan').fill('Profile, then tune.')
  await apply.getByLabel('Reward asked (ETH)').fill('0.4')
  await apply.getByRole('button', { name: 'Apply' }).click()
  await expectWriteVisible(apply)

  // Gabriel raises her reward by 0.1 ETH.
  await manager.page.goto(taskPath)
  await waitForHydration(manager.page)
  await application(manager.page, 0).locator('summary', { hasText: 'Increase the reward of application #0' }).click()
  const raise = manager.page.getByRole('form', { name: 'Increase the reward of application #0' })
  await raise.getByLabel('Add (ETH)').fill('0.1')
  await raise.getByRole('button', { name: 'Increase the reward' }).click()
  await expectWriteVisible(raise)
  await expect(application(manager.page, 0)).toContainText('asks 0.5 ETH')

  // Freya donates 0.2 ETH: a plain transfer the page reads from the escrow.
  await contributor.page.goto(taskPath)
  await waitForHydration(contributor.page)
  await contributor.page.locator('summary', { hasText: 'Donate to the task' }).click()
  const donate = contributor.page.getByRole('form', { name: 'Donate to the task' })
  await donate.getByLabel('Donate ETH').fill('0.2')
  await donate.getByRole('button', { name: 'Donate' }).click()
  await expectWriteVisible(donate)
  await expect(contributor.page.getByTestId('escrow-held')).toContainText('1.2 ETH')

  // Gabriel hands the task to Hana: the manager tools leave his page.
  const hana = await openAs(browser, baseURL!, 'Hana Sato', taskPath)
  await manager.page.reload()
  await waitForHydration(manager.page)
  await manager.page.locator('summary', { hasText: 'Transfer the management' }).click()
  const transfer = manager.page.getByRole('form', { name: 'Transfer the management' })
  await transfer.getByLabel('New manager').fill(resolveAccount('Hana Sato').address)
  await transfer.getByRole('button', { name: 'Transfer the management' }).click()
  await expect(manager.page.getByRole('heading', { name: 'Manage' })).toHaveCount(0, { timeout: 45_000 })

  // Hana, now the manager, cancels: the whole escrow, donation included, goes back to Gabriel.
  await hana.page.reload()
  await waitForHydration(hana.page)
  await hana.page.locator('summary', { hasText: 'Cancel the task' }).click()
  const cancel = hana.page.getByRole('form', { name: 'Cancel the task' })
  await cancel.getByLabel('Reason').fill('Handed over, no longer needed.')
  await cancel.getByRole('button', { name: 'Cancel now' }).click()
  await expect(stateBadge(hana.page)).toHaveText('Closed · Cancelled', { timeout: 45_000 })
  const refund = hana.page.getByTestId('creator-refund')
  await expect(refund).toContainText('1.2 ETH')
  await expect(refund).toContainText('refund to the creator')
  await expect(hana.page.getByRole('complementary')).not.toContainText(/\bdue\b/)
  await expect(hana.page.getByRole('complementary')).toContainText('closed; the deadline was')

  await Promise.all([manager.close(), contributor.close(), hana.close()])
})

test('drafts: a CoreMember member drafts a task, the department’s vote creates it, draft and task link each other', async ({ browser, baseURL }) => {
  test.setTimeout(150_000)
  const word = uniqueWord('draft')
  const emeka = await openAs(browser, baseURL!, 'Emeka Nwosu', '/tasks/new')
  await expect(emeka.page.getByRole('link', { name: 'draft for the CoreMember department' })).toBeVisible()
  await emeka.page.getByRole('link', { name: 'draft for the CoreMember department' }).click()
  await waitForHydration(emeka.page)
  const form = emeka.page.getByRole('form', { name: 'Draft a task' })
  await form.getByLabel('Draft title').fill(`Fund the ${word} docs`)
  await form.getByLabel('Why the department should create it').fill('The runbook is out of date.')
  await form.getByLabel('Title', { exact: true }).fill(`Rewrite the ${word} runbook`)
  await form.getByLabel('Description').fill('Every **alert**, with what to do.')
  await form.getByLabel('Budget (ETH, paid by the department)').fill('0.3')
  await form.getByRole('button', { name: 'Draft the task' }).click()
  await emeka.page.waitForURL(/\/dao\/departments\/coremember/, { timeout: 60_000 })
  const draft = emeka.page.getByRole('region', { name: 'Task drafts' }).locator('li[data-state]').filter({ has: emeka.page.getByRole('link', { name: `Fund the ${word} docs` }) })
  await expect(draft).toContainText('awaiting the department’s vote')
  const href = (await draft.getByRole('link', { name: `Fund the ${word} docs` }).getAttribute('href'))!
  const actionId = BigInt(/\/pessimistic\/(\d+)$/.exec(href)![1]!)

  // A non-member is told who may draft, not shown a form.
  const outsider = await openAs(browser, baseURL!, 'Ivan Petrov', '/tasks/drafts/new?department=coremember')
  await expect(outsider.page.getByText('Only members of the CoreMember department draft its tasks.')).toBeVisible()

  // Ada and Emeka vote it through: the department's account creates the task and pays its budget.
  await executeByDepartmentVote('COREMEMBER', [0, 4], actionId, `Approve the ${word} draft`, 'Yes: the docs matter.')
  await expect(async () => {
    await emeka.page.reload()
    await expect(draft.getByRole('link', { name: /^became task #\d+$/ })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  await draft.getByRole('link', { name: /^became task #\d+$/ }).click()
  await expect(emeka.page.getByRole('heading', { level: 1, name: `Rewrite the ${word} runbook` })).toBeVisible()
  await expect(emeka.page.getByTestId('task-origin').getByRole('link', { name: `the draft “Fund the ${word} docs”` })).toBeVisible()
  await expect(emeka.page.getByRole('list', { name: 'Budget' })).toContainText('0.3 ETH')

  await Promise.all([emeka.close(), outsider.close()])
})
