import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Deadline } from './task-badges'

const NOW = 1_800_000_000
const text = (props: Parameters<typeof Deadline>[0]) => renderToStaticMarkup(createElement(Deadline, props)).replace(/<[^>]+>/g, '')

describe('Deadline', () => {
  it('counts down on an open task, and says when it passed', () => {
    expect(text({ deadline: NOW + 3 * 86_400, now: NOW })).toMatch(/^due in 3 days$/)
    expect(text({ deadline: NOW - 86_400, now: NOW })).toMatch(/^deadline passed/)
  })

  it('never says "due" on a closed task', () => {
    const closed = text({ deadline: NOW + 3 * 86_400, now: NOW, closed: true })
    expect(closed).not.toMatch(/due|passed/)
    expect(closed).toMatch(/^closed; the deadline was /)
  })
})
