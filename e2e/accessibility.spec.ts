import type { Page } from '@playwright/test'
import { seriousViolations, sidewaysOverflow, type Finding } from './a11y-checks'
import { expect, test } from './fixtures'

// Accessibility and mobile (issue 25, point 8), on every page of the seeded devnet world, signed
// out and signed in: axe-core finds no serious or critical violation (WCAG 2.1 A/AA rules), no page
// scrolls sideways on a 375 px wide phone, and a keyboard user gets a skip link and a visible
// focus ring. Pages with an id in their path are found by following the portal's own links, so
// the spec covers what a visitor can reach rather than a hand-kept list of ids.

const INDEX_PAGES = ['/', '/tasks', '/tasks?q=task', '/rfps', '/dao', '/dao/members', '/dao/requests', '/contributors', '/courses', '/sign-in']
const SIGNED_IN_PAGES = ['/tasks/new', '/inbox', '/notifications']

/** One example of each page with an id in its path, picked from the links on the index pages. */
const LINKED_PAGES: { name: string; pattern: RegExp; required: boolean }[] = [
  { name: 'task', pattern: /^\/tasks\/31337\/\d+$/, required: true },
  { name: 'RFP', pattern: /^\/rfps\/\d+\/\d+$/, required: false },
  { name: 'proposal', pattern: /^\/dao\/proposals\/[^/]+\/\d+$/, required: true },
  { name: 'action', pattern: /^\/dao\/actions\/[^/]+\/[^/]+\/\d+$/, required: false },
  { name: 'department', pattern: /^\/dao\/departments\/[^/]+$/, required: true },
  { name: 'profile', pattern: /^\/contributors\/0x[0-9a-fA-F]{40}$/, required: true },
  { name: 'course', pattern: /^\/courses\/[^/]+$/, required: true },
  { name: 'lesson', pattern: /^\/courses\/[^/]+\/[^/]+$/, required: true },
  { name: 'certificate', pattern: /^\/certificates\/[^/]+$/, required: false },
]

async function linksOn(page: Page): Promise<string[]> {
  return page.locator('main a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!.split('#')[0]!))
}

/** One page of each linked kind not yet checked, from the links seen so far (null: none left to find). */
function nextLinkedPage(seen: Set<string>, checked: string[]): string | null {
  for (const kind of LINKED_PAGES) {
    if (checked.some((path) => kind.pattern.test(path))) continue
    const match = [...seen].find((href) => kind.pattern.test(href))
    if (match) return match
  }
  return null
}

/**
 * Checks the index pages, then one page of each linked kind, found on the pages checked so far
 * (a course page links its lessons, a profile its certificates), each page loaded once.
 */
async function checkPages(page: Page, extra: string[], label: string) {
  const violations: Finding[] = []
  const overflowing: string[] = []
  const tally: string[] = []
  const seen = new Set<string>()
  const checked: string[] = []
  const queue = [...INDEX_PAGES, ...extra, '/no-such-page']
  // A page that renders on the server and then breaks in the browser (a .server value used in a
  // component, a hydration crash) shows the error page once hydrated: every page is checked after.
  const broken: string[] = []
  page.on('pageerror', (error) => broken.push(`${page.url()}: ${error.message}`))
  for (let path: string | null | undefined = queue.shift(); path; path = queue.shift() ?? nextLinkedPage(seen, checked)) {
    await page.goto(path)
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 })
    if ((await page.getByRole('heading', { name: 'Something went wrong' }).count()) > 0) broken.push(`${path}: the error page after hydration`)
    checked.push(path)
    for (const href of await linksOn(page)) seen.add(href)
    violations.push(...(await seriousViolations(page, path, tally)))
    const { px, widest } = await sidewaysOverflow(page)
    if (px > 0) overflowing.push(`${path}: ${px}px wider than 375 px (widest: ${widest})`)
  }
  console.log(`axe violations per page, ${label}:\n  ${tally.join('\n  ')}`)
  const missing = LINKED_PAGES.filter((kind) => kind.required && !checked.some((path) => kind.pattern.test(path))).map((kind) => kind.name)
  expect(missing, 'kinds of page no checked page linked to').toEqual([])
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([])
  expect(overflowing).toEqual([])
  expect(broken).toEqual([])
}

test.describe.configure({ timeout: 180_000 })

test('every page, signed out: no serious or critical axe violation, no sideways scroll at 375 px', async ({ page }) => {
  await checkPages(page, [], 'signed out')
})

test('every page, signed in: no serious or critical axe violation, no sideways scroll at 375 px', async ({ page, signInAs }) => {
  await signInAs('Ada Okafor')
  await checkPages(page, SIGNED_IN_PAGES, 'signed in')
})

test('the first Tab reaches a skip link that moves focus past the header, and focus is visible', async ({ page }) => {
  await page.goto('/tasks')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
  // The next Tab lands inside the page's content, not back in the header.
  await page.keyboard.press('Tab')
  const focused = page.locator(':focus')
  expect(await focused.evaluate((element) => element.closest('main') !== null)).toBe(true)
  // A visible focus ring: an outline a few pixels wide, not the browser default turned off.
  const ring = await focused.evaluate((element) => {
    const style = getComputedStyle(element)
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
  })
  expect(ring.style).not.toBe('none')
  expect(ring.width).toBeGreaterThanOrEqual(2)
})
