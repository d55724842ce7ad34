import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { createPublicClient, http, type Address } from 'viem'
import { foundry } from 'viem/chains'
import { waitForHydrationOnNavigation } from './fixtures/hydration'
import {
  connectWallet,
  E2E_RPC_URL,
  expectSignedIn,
  resolveAccount,
  signInThroughApi,
  TestWallet,
  type AccountRef,
  type DevnetAccount,
} from './fixtures'

// Helpers for the task specs: several people, each in their own browser context with their own
// Test Wallet and session, acting on the same task like real users on two laptops.

export type Actor = { page: Page; wallet: TestWallet; account: DevnetAccount; close: () => Promise<void> }

export async function openAs(browser: Browser, baseURL: string, ref: AccountRef, path: string): Promise<Actor> {
  const context = await browser.newContext({ baseURL })
  const page = waitForHydrationOnNavigation(await context.newPage())
  failOnPageErrors(page)
  const wallet = new TestWallet(page)
  await wallet.install()
  const account = wallet.use(resolveAccount(ref))
  await signInThroughApi(page.request, baseURL, account)
  await page.goto(path)
  await connectWallet(page, 'Test Wallet')
  await expectSignedIn(page, account)
  return { page, wallet, account, close: () => context.close() }
}

/** Uncaught errors and hydration mismatches fail the test that caused them. */
/** Waits until React has hydrated the page (root.tsx marks it), so clicks run client-side code. */
export async function waitForHydration(page: Page) {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 })
}

export function failOnPageErrors(page: Page) {
  page.on('pageerror', (error) => {
    throw new Error(`page error on ${page.url()}: ${error.message}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat|did not match/i.test(message.text())) {
      throw new Error(`hydration problem on ${page.url()}: ${message.text()}`)
    }
  })
}

/** A word no other task has, so the board's search finds exactly this spec's task. */
export function uniqueWord(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
}

/** Waits for a write's progress to reach "visible" (the page shows its result, no reload). */
export async function expectWriteVisible(scope: Locator | Page) {
  await expect(scope.getByRole('status').filter({ hasText: 'Done: the page shows the new state.' })).toBeVisible({ timeout: 45_000 })
}

/** The task page's state badge, e.g. "Open", "Taken", "Closed · Completed". */
export function stateBadge(page: Page): Locator {
  return page.getByRole('article').locator('header [data-state]')
}

export function application(page: Page, id: number): Locator {
  return page.getByRole('listitem', { name: `Application #${id}` })
}

export function submission(page: Page, id: number): Locator {
  return page.getByRole('listitem', { name: `Submission #${id}` })
}

/** The accepted applicant takes the task open on `page` and waits for the page to show it taken. */
export async function takeTask(page: Page) {
  await waitForHydration(page)
  await application(page, 0).getByRole('button', { name: 'Take the task' }).click()
  await expect(stateBadge(page)).toHaveText('Taken', { timeout: 45_000 })
}

/** Opens the board filtered to one task (by its unique word) and checks the state it shows. */
export async function expectOnBoard(page: Page, word: string, title: string, state: RegExp) {
  await page.goto(`/tasks?q=${encodeURIComponent(word)}`)
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(card).toHaveCount(1)
  await expect(card.locator('[data-state]')).toHaveText(state)
}

export async function createTaskThroughForm(
  page: Page,
  task: { title: string; description: string; tags?: string; eth?: string; open?: string; preapproved?: { address: string; eth?: string; open?: string } },
): Promise<{ chainId: number; taskId: number }> {
  await page.goto('/tasks/new')
  await waitForHydration(page)
  const form = page.getByRole('form', { name: 'Create a task' })
  await form.getByLabel('Title').fill(task.title)
  await form.getByLabel('Description').fill(task.description)
  if (task.tags) await form.getByLabel('Tags').fill(task.tags)
  if (task.eth) await form.getByLabel('ETH', { exact: true }).fill(task.eth)
  if (task.open) await form.getByLabel('OPEN', { exact: true }).fill(task.open)
  if (task.preapproved) {
    await form.getByRole('button', { name: 'Add a preapproved applicant' }).click()
    await form.getByLabel('Applicant 1 address').fill(task.preapproved.address)
    if (task.preapproved.eth) await form.getByLabel('Reward (ETH)').fill(task.preapproved.eth)
    if (task.preapproved.open) await form.getByLabel('Reward (OPEN)').fill(task.preapproved.open)
  }
  await form.getByRole('button', { name: 'Create task' }).click()
  await page.waitForURL(/\/tasks\/\d+\/\d+$/, { timeout: 60_000 })
  await expect(page.getByRole('heading', { level: 1, name: task.title })).toBeVisible()
  const [, chainId, taskId] = /\/tasks\/(\d+)\/(\d+)$/.exec(page.url())!
  return { chainId: Number(chainId), taskId: Number(taskId) }
}

const publicClient = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) })

export function balanceOf(address: Address): Promise<bigint> {
  return publicClient.getBalance({ address })
}
