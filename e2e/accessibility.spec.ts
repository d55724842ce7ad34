import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
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

type Finding = { page: string; rule: string; impact: string; nodes: string[] }

async function seriousViolations(page: Page, path: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: path, rule: v.id, impact: v.impact!, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
}

/** How far the page reaches past a 375 px viewport's right edge (0: it does not scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<{ px: number; widest: string }> {
  await page.setViewportSize({ width: 375, height: 740 })
  const overflow = await page.evaluate(() => {
    const root = document.documentElement
    const px = root.scrollWidth - root.clientWidth
    // The element that sticks out furthest, so a failure says what to fix.
    let widest = ''
    let right = root.clientWidth
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect()
      if (box.right > right + 1) {
        right = box.right
        widest = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`
      }
    }
    return { px, widest }
  })
  await page.setViewportSize({ width: 1280, height: 800 })
  return overflow
}

async function linksOn(page: Page): Promise<string[]> {
  return page.locator('main a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!.split('#')[0]!))
}

/** The index pages, then one page of each linked kind (found on the pages visited so far). */
async function everyPage(page: Page, extra: string[]): Promise<string[]> {
  const pages = [...INDEX_PAGES, ...extra]
  const seen = new Set<string>()
  for (const path of pages) {
    await page.goto(path)
    for (const href of await linksOn(page)) seen.add(href)
  }
  const found: string[] = []
  // A contributor's profile and a course link to certificates and lessons: look there too.
  for (const kind of LINKED_PAGES) {
    let match = [...seen].find((href) => kind.pattern.test(href))
    if (!match && kind.name === 'certificate') {
      for (const profile of found.filter((p) => /^\/contributors\//.test(p))) {
        await page.goto(profile)
        match = (await linksOn(page)).find((href) => kind.pattern.test(href))
      }
    }
    if (kind.name === 'course' && match) {
      await page.goto(match)
      for (const href of await linksOn(page)) seen.add(href)
    }
    if (match) found.push(match)
    else expect(kind.required, `no link to a ${kind.name} page on ${pages.join(', ')}`).toBe(false)
  }
  return [...pages, ...found, '/no-such-page']
}

async function checkPages(page: Page, paths: string[]) {
  const violations: Finding[] = []
  const overflowing: string[] = []
  for (const path of paths) {
    await page.goto(path)
    violations.push(...(await seriousViolations(page, path)))
    const { px, widest } = await sidewaysOverflow(page)
    if (px > 0) overflowing.push(`${path}: ${px}px wider than 375 px (widest: ${widest})`)
  }
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([])
  expect(overflowing).toEqual([])
}

test.describe.configure({ timeout: 180_000 })

test('every page, signed out: no serious or critical axe violation, no sideways scroll at 375 px', async ({ page }) => {
  await checkPages(page, await everyPage(page, []))
})

test('every page, signed in: no serious or critical axe violation, no sideways scroll at 375 px', async ({ page, signInAs }) => {
  await signInAs('Ada Okafor')
  await checkPages(page, await everyPage(page, SIGNED_IN_PAGES))
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
