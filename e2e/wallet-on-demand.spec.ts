import type { Page } from '@playwright/test'
import { devnetAccounts, expect, openConnectMenu, test } from './fixtures'

// The wallet's code is not part of a first visit: it loads when the visitor presses Connect,
// or with the page when they are signed in. And no page breaks its Content-Security-Policy.

const WALLET_CHUNK = /\/build\/_shared\/wallet-kit-[A-Z0-9]+\.js$/
const TASK_WRITES_CHUNK = /\/build\/_shared\/task-writes-[A-Z0-9]+\.js$/

function scriptRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(new URL(request.url()).pathname)
  })
  return urls
}

/** Every CSP violation the page reports (the browser fires `securitypolicyviolation` for each). */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
}

test('a first visit loads no wallet code; pressing Connect loads it and opens the menu', async ({ page, wallet }) => {
  wallet.use(devnetAccounts[8]!)
  const scripts = scriptRequests(page)
  const violations = await watchCsp(page)
  await page.goto('/')
  await page.waitForLoadState('networkidle')
  expect(scripts.length).toBeGreaterThan(3)
  expect(scripts.filter((url) => WALLET_CHUNK.test(url) || TASK_WRITES_CHUNK.test(url))).toEqual([])

  const menu = await openConnectMenu(page)
  await expect(menu.getByRole('button', { name: 'Test Wallet', exact: true })).toBeVisible()
  expect(scripts.filter((url) => WALLET_CHUNK.test(url))).toHaveLength(1)
  expect(await violations()).toEqual([])
})

test('a signed-in visitor gets the wallet with the page, and no page breaks the CSP', async ({ page, signInAs }) => {
  const violations = await watchCsp(page)
  await signInAs('Jamila')
  const scripts = scriptRequests(page)
  for (const path of ['/tasks', '/courses/openmesh-fundamentals/why-openmesh', '/dao', '/tasks/31337/1', '/tasks/new']) {
    await page.goto(path)
    // Hydration and the lazy task writes are done once the network is quiet.
    await page.waitForLoadState('networkidle', { timeout: 15_000 })
    expect(await violations(), path).toEqual([])
  }
  // Loaded before hydrating (the session cookie says who is signed in), not on a click; a task
  // page's writes too, so its buttons work as soon as the page does.
  expect(scripts.filter((url) => WALLET_CHUNK.test(url)).length).toBeGreaterThan(0)
  expect(scripts.filter((url) => TASK_WRITES_CHUNK.test(url)).length).toBeGreaterThan(0)
  // The lesson's MDX was imported as a module (no eval under the CSP): its quiz is there.
  await page.goto('/courses/openmesh-fundamentals/why-openmesh')
  await expect(page.locator('form.quiz-form')).toBeVisible()
  expect(await violations()).toEqual([])
})
