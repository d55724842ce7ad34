import { describe, expect, it } from 'vitest'
import { readApplicationDocument, readTaskDocument, readTextField } from './metadata'

describe('reading task documents written by anyone', () => {
  it('reads the reference task document', () => {
    expect(
      readTaskDocument({
        title: 'Index the RFPs',
        description: 'All of them',
        tags: [{ tag: 'indexer' }, 'plain-string-tag', { tag: '' }, { nope: 1 }],
        projectSize: '40',
        teamSize: 2,
        resources: 'See the spec',
        links: [{ name: 'Spec', url: 'https://x.y' }, { url: 'https://no-name.example' }, { name: 'no url' }],
        requiredCourse: 'intro-to-openmesh',
        extra: '<ignored>',
      }),
    ).toEqual({
      title: 'Index the RFPs',
      description: 'All of them',
      tags: ['indexer', 'plain-string-tag'],
      projectSize: 40,
      teamSize: 2,
      resources: 'See the spec',
      resourceLinks: [],
      links: [
        { name: 'Spec', url: 'https://x.y' },
        { name: 'https://no-name.example', url: 'https://no-name.example' },
      ],
      requiredCourse: 'intro-to-openmesh',
    })
  })

  it('treats wrong types as missing rather than failing, and non-objects as unreadable', () => {
    const doc = readTaskDocument({ title: ['x'], description: { a: 1 }, tags: 'a,b', teamSize: -1, links: 'https://x', requiredCourse: '../admin' })
    expect(doc).toEqual({ tags: [], resourceLinks: [], links: [] })
    for (const bad of [null, 'text', 7, [1, 2]]) expect(readTaskDocument(bad)).toBeNull()
    expect(readApplicationDocument({ plan: 'p', teamSize: '3' })).toEqual({ plan: 'p', teamSize: 3 })
    expect(readTextField({ feedback: ['not text'] }, 'feedback')).toBeUndefined()
    expect(readTextField({ reason: 'because' }, 'reason')).toBe('because')
  })

  it('reads resources given as a list of links', () => {
    expect(readTaskDocument({ resources: [{ name: 'Repo', url: 'https://github.com' }] })?.resourceLinks).toEqual([{ name: 'Repo', url: 'https://github.com' }])
  })
})
