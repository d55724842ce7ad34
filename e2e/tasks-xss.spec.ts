import type { Page } from '@playwright/test'
import { hostileLinkUrls, xssPayloads } from '../app/utils/testing/xss-fixtures'
import { expect, resolveAccount, test } from './fixtures'
import { inAMonth, sendTasks, storeDocument, taskCount, waitForIndexer } from './tasks-chain'
import { failOnPageErrors, uniqueWord } from './tasks-helpers'

// Metadata is untrusted: a task written by another app can put anything in its title,
// description, tags, links, and in applications, submissions, feedback and cancel reasons.
// Here every hostile payload goes into every one of those fields of a real task on chain; the
// board and the task page must show them as text and run none of them.

const manager = resolveAccount('Hana Sato')
const contributor = resolveAccount('Ada Okafor')

/** Every way a payload could get to run: a dialog, a global it sets, a navigation, a new element. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
  const main = page.getByRole('main')
  for (const tag of ['script', 'iframe', 'object', 'embed', 'img', 'svg', 'math', 'style', 'meta', 'noscript', 'form']) {
    await expect(main.locator(`.markdown ${tag}, .task-card ${tag}, h1 ${tag}`), `<${tag}> from metadata`).toHaveCount(0)
  }
  await expect(main.locator('script, iframe, object, embed, img')).toHaveCount(0)
  const hrefs = await main.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  for (const href of hrefs) expect(href, 'a link from metadata').toMatch(/^(https?:\/\/|mailto:|\/[^/])/)
  const handlers = await main
    .locator('*')
    .evaluateAll((elements) => elements.flatMap((element) => [...element.attributes].map((a) => a.name).filter((name) => name.startsWith('on'))))
  expect(handlers).toEqual([])
}

test('hostile metadata renders as inert text on the board and the task page', async ({ page, baseURL }) => {
  test.setTimeout(180_000)
  failOnPageErrors(page)
  page.on('dialog', (dialog) => {
    throw new Error(`a payload opened a ${dialog.type()} dialog: ${dialog.message()}`)
  })
  const word = uniqueWord('xss')
  const title = `${word} ${xssPayloads[1]}`
  const all = xssPayloads.join('\n\n')
  const taskUri = await storeDocument({
    title,
    description: all,
    tags: [{ tag: word }, ...xssPayloads.slice(0, 20).map((tag) => ({ tag }))],
    projectSize: '<b>1</b>',
    teamSize: '"><script>window.__xss=1</script>',
    resources: all,
    links: [...hostileLinkUrls.map((url, i) => ({ name: xssPayloads[i]!, url })), { name: xssPayloads[2]!, url: 'https://openmesh.network/' }],
  })
  const taskId = await taskCount()
  await sendTasks(
    manager,
    'createTask',
    [taskUri, inAMonth(), manager.address, manager.address, [], [{ applicant: contributor.address, nativeReward: [{ to: contributor.address, amount: 1n }], reward: [] }]],
    10n,
  )
  await sendTasks('Bruno Costa', 'applyForTask', [BigInt(taskId), await storeDocument({ teamSize: xssPayloads[3], plan: all, background: all }), [], []])
  await sendTasks(contributor, 'takeTask', [BigInt(taskId), 0])
  await sendTasks(contributor, 'createSubmission', [BigInt(taskId), await storeDocument({ explanation: all })])
  await sendTasks(manager, 'reviewSubmission', [BigInt(taskId), 0, 2, await storeDocument({ feedback: all })])
  const last = await sendTasks(manager, 'cancelTask', [BigInt(taskId), await storeDocument({ reason: all })])
  await waitForIndexer(baseURL!, last.blockNumber)

  await page.goto(`/tasks/31337/${taskId}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  // Every payload is on the page as the text it is (e.g. in the feedback), not as markup.
  const feedback = page.getByRole('listitem', { name: 'Submission #0' })
  await expect(feedback).toContainText('Feedback')
  await expect(page.getByRole('listitem', { name: 'Cancel request #0' })).toBeVisible()
  await expect(page.getByRole('listitem', { name: 'Application #1' })).toBeVisible()
  await expect(page.getByRole('link', { name: xssPayloads[2]! })).toHaveAttribute('href', 'https://openmesh.network/')
  await expect(page.getByRole('link', { name: xssPayloads[2]! })).toHaveAttribute('rel', 'noopener noreferrer nofollow')
  for (const [i] of hostileLinkUrls.entries()) {
    await expect(page.getByText(`${xssPayloads[i]} (link removed: not an http(s) address)`)).toBeVisible()
  }
  await expectInert(page)
  // Give anything scheduled (onerror of a late image, a meta refresh) the chance to run.
  await page.waitForTimeout(1_000)
  await expectInert(page)
  expect(new URL(page.url()).pathname).toBe(`/tasks/31337/${taskId}`)

  await page.goto(`/tasks?q=${word}`)
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(card).toHaveCount(1)
  await expect(card.getByRole('link', { name: xssPayloads[0]! })).toBeVisible()
  await expectInert(page)
})
