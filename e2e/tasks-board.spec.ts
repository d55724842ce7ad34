import { expect, resolveAccount, test } from './fixtures'
import { inAMonth, sendTasks, storeDocument, storeRawBytes, taskCount, waitForIndexer } from './tasks-chain'
import { failOnPageErrors, uniqueWord } from './tasks-helpers'

// The board keeps every filter in the URL, and bad input gets a clear page: unknown chains and
// tasks are 404s, bad filters are 400s, and a task whose metadata cannot be read still shows
// what the chain knows about it.

test('search, state tabs, filters and sort live in the URL and survive a reload', async ({ page }) => {
  failOnPageErrors(page)
  await page.goto('/tasks')
  const tabs = page.getByRole('navigation', { name: 'Task states' })
  const count = async (name: string) => Number(await tabs.getByRole('link', { name: new RegExp(`^${name}`) }).locator('.count').innerText())
  const [all, open, taken, closed] = [await count('All'), await count('Open'), await count('Taken'), await count('Closed')]
  expect(all).toBeGreaterThanOrEqual(25)
  expect(open + taken + closed).toBe(all)

  await tabs.getByRole('link', { name: /^Open/ }).click()
  await expect(page).toHaveURL(/[?&]state=open/)
  await expect(page.locator('.task-card [data-state]').first()).toHaveText('Open')
  expect(await page.locator('.task-card [data-state]').allInnerTexts()).toEqual(expect.arrayContaining(['Open']))
  expect(new Set(await page.locator('.task-card [data-state]').allInnerTexts())).toEqual(new Set(['Open']))

  await page.getByRole('searchbox', { name: 'Search tasks' }).fill('nix')
  await page.getByLabel('Sort by').selectOption('budget')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/q=nix/)
  await expect(page).toHaveURL(/sort=budget/)
  await expect(page).toHaveURL(/state=open/)
  const titles = await page.locator('.task-card h2').allInnerTexts()
  expect(titles.length).toBeGreaterThan(0)
  await page.reload()
  expect(await page.locator('.task-card h2').allInnerTexts()).toEqual(titles)
  await expect(page.getByRole('searchbox', { name: 'Search tasks' })).toHaveValue('nix')

  // A tag on a card filters the board by that tag.
  await page.goto('/tasks')
  const tag = page.locator('.task-card .tags a').first()
  const tagName = await tag.innerText()
  await tag.click()
  await expect.poll(() => new URL(page.url()).searchParams.get('tag')).toBe(tagName)
  for (const tags of await page.locator('.task-card .tags').allInnerTexts()) expect(tags.toLowerCase()).toContain(tagName.toLowerCase())
})

test('cursor pagination walks the whole board without repeats', async ({ page }) => {
  await page.goto('/tasks')
  const seen: string[] = []
  for (let guard = 0; guard < 20; guard++) {
    const ids = await page.locator('.task-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-task-id') ?? ''))
    seen.push(...ids)
    const next = page.getByRole('link', { name: 'Next page' })
    if ((await next.count()) === 0) break
    await next.click()
    await expect(page).toHaveURL(/cursor=/)
    await expect(page.locator('.task-card').first()).not.toHaveAttribute('data-task-id', ids[0]!)
  }
  expect(new Set(seen).size).toBe(seen.length)
  expect(seen.length).toBe(await taskCount())
})

test('bad input: unknown chain or task is a 404 page, a bad filter a 400 page', async ({ page }) => {
  for (const [path, status, text] of [
    ['/tasks/1/0', 404, 'does not show tasks of chain "1"'],
    ['/tasks/31337/999999', 404, 'There is no task 999999 on chain 31337'],
    ['/tasks/31337/abc', 404, '"abc" is not a task id'],
    ['/tasks?state=finished', 400, 'The filter "state" must be open, taken or closed.'],
    ['/tasks?min=lots', 400, 'The filter "min" is not an amount like 1.5.'],
    ['/tasks?cursor=Zm9v', 400, 'The page cursor is not one this board made'],
  ] as const) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(status)
    await expect(page.getByRole('alert')).toContainText(text)
  }
})

test('missing or malformed metadata: "metadata unavailable", with the on-chain facts', async ({ page, baseURL }) => {
  failOnPageErrors(page)
  const manager = resolveAccount('Hana Sato')
  const notJson = await storeRawBytes('{"title": "half a document')
  const nowhere = `ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy`
  const first = await taskCount()
  let last = 0n
  for (const uri of [notJson, nowhere, 'not a uri at all']) {
    last = (await sendTasks(manager, 'createTask', [uri, inAMonth(), manager.address, manager.address, [], []], 123n)).blockNumber
  }
  await waitForIndexer(baseURL!, last)
  for (const taskId of [first, first + 1, first + 2]) {
    await page.goto(`/tasks/31337/${taskId}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Task #${taskId}`)
    await expect(page.getByRole('note')).toContainText('Metadata unavailable')
    await expect(page.getByRole('region', { name: 'On chain' })).toContainText('0.000000000000000123 ETH')
    await expect(page.getByRole('region', { name: 'On chain' })).toContainText(manager.name) // named as on every page (issue 24)
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Created by')
  }
  // A document that is fine keeps working next to them.
  const word = uniqueWord('fine')
  const uri = await storeDocument({ title: `A ${word} task`, description: 'ok', tags: [], links: [] })
  last = (await sendTasks(manager, 'createTask', [uri, inAMonth(), manager.address, manager.address, [], []], 1n)).blockNumber
  await waitForIndexer(baseURL!, last)
  await page.goto(`/tasks?q=${word}`)
  await expect(page.getByRole('link', { name: `A ${word} task` })).toBeVisible()
})
