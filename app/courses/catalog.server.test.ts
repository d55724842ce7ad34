import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCycles, getCatalog, loadCatalog } from './catalog.server'
import { writeFixtureCourses } from './testing/course-fixtures'

describe('the course catalog', () => {
  it('orders courses along the path and lessons by number, with quizzes attached', () => {
    const catalog = loadCatalog(writeFixtureCourses())
    expect(catalog.problems).toEqual([])
    expect(catalog.courses.map((course) => course.slug)).toEqual(['basics', 'advanced'])
    const basics = catalog.courses[0]!
    expect(basics.lessons.map((lesson) => [lesson.number, lesson.slug, lesson.quiz?.id])).toEqual([
      [1, 'first', 'first'],
      [2, 'second', 'second'],
    ])
    expect(basics.version).toMatch(/^0x[0-9a-f]{64}$/)
  })

  it('leaves a course with problems out, keeping the others', () => {
    const root = writeFixtureCourses()
    fs.rmSync(path.join(root, 'advanced/01-only.quiz.yaml'))
    const catalog = loadCatalog(root)
    expect(catalog.courses.map((course) => course.slug)).toEqual(['basics'])
    expect(catalog.problems).toHaveLength(1)
  })

  it('picks up an edit on the next read (what `npm run dev` shows on reload), with a new version', () => {
    const root = writeFixtureCourses()
    const before = getCatalog(root)
    expect(getCatalog(root)).toBe(before) // unchanged files: the same parsed catalog
    const file = path.join(root, 'basics/01-first.mdx')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('The sky is blue.', 'The sky is grey today.'))
    const after = getCatalog(root)
    expect(after).not.toBe(before)
    expect(after.courses[0]!.lessons[0]!.source).toContain('grey today')
    expect(after.courses[0]!.version).not.toBe(before.courses[0]!.version)
    expect(after.courses[1]!.version).toBe(before.courses[1]!.version)
  })

  it('finds prerequisite cycles', () => {
    expect(findCycles([{ slug: 'a', prerequisites: ['b'] }, { slug: 'b', prerequisites: ['c'] }, { slug: 'c', prerequisites: ['a'] }])).toEqual([
      ['a', 'b', 'c', 'a'],
    ])
    expect(findCycles([{ slug: 'a', prerequisites: [] }, { slug: 'b', prerequisites: ['a'] }])).toEqual([])
  })
})
