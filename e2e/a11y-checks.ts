import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

// The accessibility checks of issue 25 point 8, shared by e2e/accessibility.spec.ts (every page
// reachable from the seeded world) and the specs that reach pages the seed has none of (a
// certificate, in courses.spec.ts): axe-core's WCAG 2.1 A/AA rules, and sideways scroll at 375 px.

export type Finding = { page: string; rule: string; impact: string; nodes: string[] }

export async function seriousViolations(page: Page, path: string, tally: string[]): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  // Every impact is tallied for the report; only serious and critical ones fail the test.
  const count = (impact: string) => results.violations.filter((v) => v.impact === impact).length
  tally.push(`${path}: critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`)
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: path, rule: v.id, impact: v.impact!, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
}

/** How far the page reaches past a 375 px viewport's right edge (0: it does not scroll sideways). */
export async function sidewaysOverflow(page: Page): Promise<{ px: number; widest: string }> {
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
