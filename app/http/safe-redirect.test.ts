import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect'

describe('safeRedirect', () => {
  it('keeps same-site paths, percent-encoding what a Location header cannot carry', () => {
    expect(safeRedirect('/tasks?q=a&b=c#top')).toBe('/tasks?q=a&b=c#top')
    expect(safeRedirect('/tasks?q=✓ €')).toBe('/tasks?q=%E2%9C%93%20%E2%82%AC')
    expect(safeRedirect('/contributors/Ünal')).toBe('/contributors/%C3%9Cnal')
    // Already-encoded text stays as it is (not encoded twice).
    expect(safeRedirect('/tasks?q=%E2%9C%93')).toBe('/tasks?q=%E2%9C%93')
  })

  it('falls back for anything that could leave the portal or cannot be encoded', () => {
    for (const to of ['https://evil.example', '//evil.example', '/\\evil.example', 'tasks', '/tasks\nSet-Cookie: x=1', '/x\u0000', '/tasks\ud800', null, undefined, '']) {
      expect(safeRedirect(to), JSON.stringify(to)).toBe('/')
    }
    expect(safeRedirect('/' + 'a'.repeat(2048))).toBe('/')
  })
})
