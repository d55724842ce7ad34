import { expect, resolveAccount, test } from './fixtures'
import { inAMonth, sendTasks, storeDocument, taskCount, waitForIndexer } from './tasks-chain'
import { openAs, uniqueWord } from './tasks-helpers'

// A task may require a course: until the signed-in address has completed it, applying is
// refused with a link to the course (and the server refuses to store the application too).

test('a course-gated task sends applicants to the course first', async ({ browser, baseURL }) => {
  const manager = resolveAccount('Hana Sato')
  const word = uniqueWord('gated')
  const uri = await storeDocument({
    title: `Review the ${word} escrow`,
    description: 'Only for people who finished the OpenR&D course.',
    tags: [],
    projectSize: 2,
    teamSize: 1,
    resources: '',
    links: [],
    requiredCourse: 'openrd-contributing',
  })
  const taskId = await taskCount()
  const { blockNumber } = await sendTasks(manager, 'createTask', [uri, inAMonth(), manager.address, manager.address, [], []], 1000n)
  await waitForIndexer(baseURL!, blockNumber)

  const contributor = await openAs(browser, baseURL!, 'Ada Okafor', `/tasks/31337/${taskId}`)
  const { page } = contributor
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review the ${word} escrow`)
  const actions = page.getByRole('region', { name: 'What you can do' })
  await expect(actions.getByRole('form', { name: 'Apply for this task' })).toHaveCount(0)
  await expect(actions.getByRole('note')).toContainText('Applying needs the course')
  const link = actions.getByRole('link', { name: /OpenR&D|openrd/i })
  await expect(link).toHaveAttribute('href', '/courses/openrd-contributing')
  await link.click()
  await expect(page).toHaveURL(/\/courses\/openrd-contributing$/)

  // The server refuses the application document too, whatever the page shows.
  const response = await page.request.post('/ipfs', {
    headers: { Origin: new URL(baseURL!).origin },
    form: { intent: 'apply', chainId: '31337', taskId: String(taskId), plan: 'Let me in' },
  })
  expect(response.status()).toBe(403)
  expect(((await response.json()) as { error: string }).error).toContain('/courses/openrd-contributing')
  await contributor.close()
})
