import { parseEther } from 'viem'
import { expect, resolveAccount, test } from './fixtures'
import {
  application,
  balanceOf,
  createTaskThroughForm,
  expectOnBoard,
  expectWriteVisible,
  openAs,
  stateBadge,
  submission,
  takeTask,
  uniqueWord,
} from './tasks-helpers'

// The whole OpenR&D lifecycle in the browser, two people on two "laptops": a manager creates a
// task, a contributor applies, the manager accepts, the contributor takes it and submits, the
// manager accepts the submission and the contributor is paid. Every write is signed by the
// Test Wallet and shows up on the page without a reload (read-your-writes).

test('create → apply → accept → take → submit → accept: the contributor is paid the reward', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  const word = uniqueWord('lifecycle')
  const title = `Benchmark the ${word} indexer`
  const manager = await openAs(browser, baseURL!, 'Hana Sato', '/tasks')
  const contributor = await openAs(browser, baseURL!, 'Ada Okafor', '/tasks')

  // The manager creates a task with an ETH budget.
  const { chainId, taskId } = await createTaskThroughForm(manager.page, {
    title,
    description: 'Measure **events per second** during backfill and report it.',
    tags: 'benchmark, indexer',
    eth: '0.5',
  })
  const taskPath = `/tasks/${chainId}/${taskId}`
  await expect(stateBadge(manager.page)).toHaveText('Open')
  await expect(manager.page.getByRole('listitem').filter({ hasText: '0.5 ETH' }).first()).toBeVisible()
  await expectOnBoard(manager.page, word, title, /^Open$/)

  // The contributor applies for 0.4 ETH.
  await contributor.page.goto(taskPath)
  const apply = contributor.page.getByRole('form', { name: 'Apply for this task' })
  await apply.getByLabel('Plan').fill('I will run the bench on **three** machines.')
  await apply.getByLabel('Reward asked (ETH)').fill('0.4')
  await apply.getByRole('button', { name: 'Apply' }).click()
  await expectWriteVisible(apply)
  await expect(application(contributor.page, 0)).toContainText('asks 0.4 ETH')
  await expect(application(contributor.page, 0)).toContainText('Pending')

  // The manager accepts the application.
  await manager.page.goto(taskPath)
  await application(manager.page, 0).getByRole('button', { name: 'Accept application #0' }).click()
  await expect(application(manager.page, 0)).toContainText('Accepted', { timeout: 45_000 })

  // The contributor takes the task.
  await contributor.page.reload()
  await takeTask(contributor.page)
  await expect(application(contributor.page, 0)).toContainText('Executor')
  await expectOnBoard(manager.page, word, title, /^Taken$/)

  // The contributor submits the work.
  await contributor.page.goto(taskPath)
  const submit = contributor.page.getByRole('form', { name: 'Submit your work' })
  await submit.getByLabel('What you delivered').fill('Results: 4,200 events/s. Report: https://example.org/bench')
  await submit.getByRole('button', { name: 'Submit work' }).click()
  await expectWriteVisible(submit)
  await expect(submission(contributor.page, 0)).toContainText('Waiting for review')
  await expect(submission(contributor.page, 0).getByRole('link', { name: 'https://example.org/bench' })).toHaveAttribute(
    'rel',
    'noopener noreferrer nofollow',
  )

  // The manager accepts the submission: the task closes and pays the contributor 0.4 ETH.
  const before = await balanceOf(resolveAccount('Ada Okafor').address)
  await manager.page.goto(taskPath)
  const review = manager.page.getByRole('form', { name: 'Review submission #0' })
  await review.getByLabel('Accept: pay the reward and close the task').check()
  await review.getByLabel('Feedback').fill('Thorough work, thank you.')
  await review.getByRole('button', { name: 'Send review' }).click()
  await expect(stateBadge(manager.page)).toHaveText('Closed · Completed', { timeout: 45_000 })
  expect((await balanceOf(resolveAccount('Ada Okafor').address)) - before).toBe(parseEther('0.4'))

  await expect(submission(manager.page, 0)).toContainText('Accepted')
  await expect(submission(manager.page, 0)).toContainText('Thorough work, thank you.')
  const timeline = manager.page.getByRole('region', { name: 'Timeline' })
  for (const line of ['applied (application #0)', 'Application #0 accepted', 'Taken with application #0', 'Submission #0 sent', 'Submission #0 accepted', 'Completed: the executor was paid']) {
    await expect(timeline).toContainText(line)
  }
  // Paid out names the executor as every page does (their profile or devnet name), linked to the profile.
  await expect(manager.page.getByRole('listitem').filter({ hasText: /^0\.4 ETH to Ada Okafor/ })).toBeVisible()
  await expectOnBoard(manager.page, word, title, /^Closed · Completed$/)

  await manager.close()
  await contributor.close()
})
