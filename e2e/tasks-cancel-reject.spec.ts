import type { Browser } from '@playwright/test'
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

// The two other paths through a task: cancelling a taken task with the executor's consent, and a
// rejected submission followed by a better one. Both start from a task created with the
// contributor preapproved, so they can take it at once.

const contributorAccount = resolveAccount('Ada Okafor')

/** Hana (manager) creates a task with Ada preapproved for `reward` ETH; each signed in in their own browser. */
async function preapprovedTask(browser: Browser, baseURL: string, task: { title: string; description: string; eth: string; reward: string }) {
  const manager = await openAs(browser, baseURL, 'Hana Sato', '/tasks')
  const contributor = await openAs(browser, baseURL, contributorAccount, '/tasks')
  const { chainId, taskId } = await createTaskThroughForm(manager.page, {
    title: task.title,
    description: task.description,
    eth: task.eth,
    preapproved: { address: contributorAccount.address, eth: task.reward },
  })
  return { manager, contributor, taskPath: `/tasks/${chainId}/${taskId}` }
}

test('cancel with consent: the manager asks, the executor accepts, the request is executed', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  const word = uniqueWord('cancel')
  const title = `Retire the ${word} endpoint`
  const { manager, contributor, taskPath } = await preapprovedTask(browser, baseURL!, {
    title,
    description: 'Remove the old endpoint once no client calls it.',
    eth: '0.3',
    reward: '0.2',
  })
  await expect(application(manager.page, 0)).toContainText('Preapproved')
  await expect(application(manager.page, 0)).toContainText('Accepted')

  await contributor.page.goto(taskPath)
  await takeTask(contributor.page)

  // Taken and before the deadline: cancelling needs the executor's consent.
  await manager.page.goto(taskPath)
  await manager.page.getByText('Ask to cancel the task', { exact: true }).click()
  const cancel = manager.page.getByRole('form', { name: 'Cancel the task' })
  await cancel.getByLabel('Reason').fill('The endpoint is already gone upstream.')
  await cancel.getByRole('button', { name: 'Request cancellation' }).click()
  await expectWriteVisible(cancel)
  const request = manager.page.getByRole('listitem', { name: 'Cancel request #0' })
  await expect(request).toContainText('Waiting for the executor')
  await expect(request).toContainText('The endpoint is already gone upstream.')
  await expect(stateBadge(manager.page)).toHaveText('Taken')

  // The executor accepts; then the request can be executed (by anyone: here the manager).
  await contributor.page.goto(taskPath)
  contributor.page.once('dialog', (dialog) => void dialog.accept())
  await contributor.page
    .getByRole('listitem', { name: 'Cancel request #0' })
    .getByRole('button', { name: 'Accept cancel request #0' })
    .click()
  await expect(contributor.page.getByRole('listitem', { name: 'Cancel request #0' })).toContainText('Accepted by the executor', {
    timeout: 45_000,
  })

  const creatorBefore = await balanceOf(resolveAccount('Hana Sato').address)
  await manager.page.goto(taskPath)
  await manager.page.getByRole('listitem', { name: 'Cancel request #0' }).getByRole('button', { name: 'Execute the cancellation' }).click()
  await expect(stateBadge(manager.page)).toHaveText('Closed · Cancelled', { timeout: 45_000 })
  await expect(manager.page.getByRole('listitem', { name: 'Cancel request #0' })).toContainText('Executed')
  // The whole budget went back to the creator (who also paid the gas of the execute call).
  const refunded = (await balanceOf(resolveAccount('Hana Sato').address)) - creatorBefore
  expect(refunded > parseEther('0.29') && refunded <= parseEther('0.3')).toBe(true)
  await expect(manager.page.getByRole('region', { name: 'Timeline' })).toContainText('Cancel request #0 executed by')
  await expectOnBoard(manager.page, word, title, /^Closed · Cancelled$/)

  await manager.close()
  await contributor.close()
})

test('reject, then resubmit: the second submission is accepted', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  const word = uniqueWord('resubmit')
  const title = `Document the ${word} API`
  const { manager, contributor, taskPath } = await preapprovedTask(browser, baseURL!, {
    title,
    description: 'Every endpoint, with an example.',
    eth: '0.25',
    reward: '0.25',
  })
  await contributor.page.goto(taskPath)
  await takeTask(contributor.page)

  const submitForm = contributor.page.getByRole('form', { name: 'Submit your work' })
  await submitForm.getByLabel('What you delivered').fill('First draft: half the endpoints.')
  await submitForm.getByRole('button', { name: 'Submit work' }).click()
  await expectWriteVisible(submitForm)

  // Rejecting without feedback is refused by the form (same schema as the server).
  await manager.page.goto(taskPath)
  const review = manager.page.getByRole('form', { name: 'Review submission #0' })
  await review.getByLabel('Reject: the contributor can submit again').check()
  await review.getByRole('button', { name: 'Send review' }).click()
  await expect(review.getByText('Tell the contributor what to change')).toBeVisible()
  await review.getByLabel('Feedback').fill('Please cover the remaining endpoints.')
  await review.getByRole('button', { name: 'Send review' }).click()
  await expect(submission(manager.page, 0)).toContainText('Rejected', { timeout: 45_000 })
  await expect(submission(manager.page, 0)).toContainText('Please cover the remaining endpoints.')
  await expect(stateBadge(manager.page)).toHaveText('Taken')

  await contributor.page.reload()
  await expect(submission(contributor.page, 0)).toContainText('Please cover the remaining endpoints.')
  await submitForm.getByLabel('What you delivered').fill('All endpoints documented, with examples.')
  await submitForm.getByRole('button', { name: 'Submit work' }).click()
  await expectWriteVisible(submitForm)
  await expect(submission(contributor.page, 1)).toContainText('Waiting for review')

  const before = await balanceOf(contributorAccount.address)
  await manager.page.reload()
  const second = manager.page.getByRole('form', { name: 'Review submission #1' })
  await second.getByLabel('Accept: pay the reward and close the task').check()
  await second.getByRole('button', { name: 'Send review' }).click()
  await expect(stateBadge(manager.page)).toHaveText('Closed · Completed', { timeout: 45_000 })
  expect((await balanceOf(contributorAccount.address)) - before).toBe(parseEther('0.25'))
  await expect(submission(manager.page, 0)).toContainText('Rejected')
  await expect(submission(manager.page, 1)).toContainText('Accepted')

  await manager.close()
  await contributor.close()
})
