import { expect, test } from '@playwright/test'

// The walking skeleton: chain → indexer → SQLite → server-rendered pages, all started by `npm start`.

test('/health reports the app, the chain head and an indexer that has caught up', async ({ request }) => {
  const res = await request.get('/health')
  expect(res.status()).toBe(200)
  const body = await res.json()
  expect(body).toMatchObject({ app: 'ok', chainId: 31337, rpc: 'ok', halted: null, lag: 0 })
  expect(body.chainHead).toBeGreaterThan(0)
  expect(body.indexerHead).toBe(body.chainHead)
})

test('the tasks board lists the seeded tasks, server-rendered', async ({ page, request }) => {
  // Without JavaScript: the HTML itself carries the tasks.
  const html = await (await request.get('/tasks')).text()
  expect(html.match(/href="\/tasks\/31337\/\d+"/g)?.length ?? 0).toBeGreaterThanOrEqual(10)

  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible()
  await expect(page.locator('a[href^="/tasks/31337/"]').first()).toBeVisible()
})

test('an unknown page is a 404 page, not a crash', async ({ page }) => {
  const res = await page.goto('/no-such-page')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})
