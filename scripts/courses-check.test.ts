import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkCourses } from '../app/courses/check.server'
import { formatProblem } from '../app/courses/problems'
import { lessonSource, writeFile, writeFixtureCourses } from '../app/courses/testing/course-fixtures'

// Every class of mistake an author can make is reported as file:line: message.

async function problemsAfter(change: (root: string) => void): Promise<string[]> {
  const root = writeFixtureCourses()
  change(root)
  const result = await checkCourses(root)
  return result.problems.map((problem) => formatProblem(problem, root))
}

const edit = (root: string, relative: string, replace: (text: string) => string) => {
  const file = path.join(root, relative)
  fs.writeFileSync(file, replace(fs.readFileSync(file, 'utf8')))
}

describe('courses:check', () => {
  it('accepts valid courses', async () => {
    const root = writeFixtureCourses()
    const result = await checkCourses(root)
    expect(result.problems).toEqual([])
    expect(result).toMatchObject({ courses: 2, lessons: 3 })
  })

  it('accepts the real courses in courses/', async () => {
    const result = await checkCourses(path.resolve('courses'))
    expect(result.problems.map((problem) => formatProblem(problem))).toEqual([])
    expect(result.courses).toBeGreaterThanOrEqual(4)
  })

  describe('frontmatter', () => {
    it('reports a value outside the schema on its line', async () => {
      const problems = await problemsAfter((root) => edit(root, 'basics/index.mdx', (text) => text.replace('level: beginner', 'level: expert')))
      expect(problems).toEqual([expect.stringMatching(/^basics\/index\.mdx:4: frontmatter level: Invalid enum value/)])
    })

    it('reports a missing field and an unknown field', async () => {
      const missing = await problemsAfter((root) => edit(root, 'basics/index.mdx', (text) => text.replace(/^title: .*\n/m, '')))
      expect(missing).toEqual([expect.stringMatching(/^basics\/index\.mdx:2: frontmatter title: Required/)])
      const unknown = await problemsAfter((root) => edit(root, 'basics/index.mdx', (text) => text.replace('estimatedMinutes: 10', 'estimatedMinutes: 10\nminutes: 3')))
      expect(unknown).toEqual([expect.stringMatching(/^basics\/index\.mdx:2: frontmatter Unrecognized key\(s\) in object: 'minutes'/)])
    })

    it('reports YAML syntax errors and lesson frontmatter errors with lines', async () => {
      const syntax = await problemsAfter((root) => edit(root, 'basics/index.mdx', (text) => text.replace('track: learner', 'track: [learner')))
      expect(syntax[0]).toMatch(/^basics\/index\.mdx:\d+: frontmatter YAML:/)
      const lesson = await problemsAfter((root) => edit(root, 'basics/02-second.mdx', (text) => text.replace('estimatedMinutes: 5', 'estimatedMinutes: soon')))
      expect(lesson).toEqual([expect.stringMatching(/^basics\/02-second\.mdx:3: frontmatter estimatedMinutes: Expected number/)])
    })
  })

  describe('lesson order', () => {
    it('reports a gap in the numbering', async () => {
      const problems = await problemsAfter((root) => {
        fs.renameSync(path.join(root, 'basics/02-second.mdx'), path.join(root, 'basics/03-second.mdx'))
        fs.renameSync(path.join(root, 'basics/02-second.quiz.yaml'), path.join(root, 'basics/03-second.quiz.yaml'))
      })
      expect(problems).toEqual(['basics/03-second.mdx:1: lessons are numbered 01, 02, … without gaps: expected 02 here'])
    })

    it('reports a number used twice and a badly named lesson file', async () => {
      const problems = await problemsAfter((root) => {
        writeFile(root, 'basics/02-again.mdx', lessonSource('Again', 'Text.', 'again'))
        writeFile(root, 'basics/02-again.quiz.yaml', fs.readFileSync(path.join(root, 'basics/02-second.quiz.yaml'), 'utf8'))
        writeFile(root, 'basics/4-bad.mdx', lessonSource('Bad', 'Text.'))
      })
      expect(problems).toContain('basics/4-bad.mdx:1: lesson files are named NN-slug.mdx (two digits, then a kebab-case slug)')
      expect(problems.some((problem) => /^basics\/02-(again|second)\.mdx:1: lesson number 02 is used twice$/.test(problem))).toBe(true)
    })
  })

  describe('prerequisites', () => {
    it('reports an unknown prerequisite on its line', async () => {
      const problems = await problemsAfter((root) => edit(root, 'advanced/index.mdx', (text) => text.replace('prerequisites: [basics]', 'prerequisites:\n  - basics\n  - nowhere')))
      expect(problems).toEqual(['advanced/index.mdx:8: unknown prerequisite "nowhere"'])
    })

    it('reports a cycle', async () => {
      const problems = await problemsAfter((root) => edit(root, 'basics/index.mdx', (text) => text.replace('prerequisites: []', 'prerequisites: [advanced]')))
      expect(problems).toEqual([expect.stringMatching(/^(advanced|basics)\/index\.mdx:6: prerequisites form a cycle: (advanced → basics → advanced|basics → advanced → basics)$/)])
    })
  })

  describe('quizzes', () => {
    it('reports a quiz id that does not resolve, on the line of the <Quiz>', async () => {
      const problems = await problemsAfter((root) => edit(root, 'basics/02-second.mdx', (text) => text.replace('<Quiz id="second" />', '<Quiz id="nope" />')))
      expect(problems).toEqual(['basics/02-second.mdx:8: quiz id "nope" does not resolve: this lesson\'s quiz is "second"'])
    })

    it('reports a lesson without a quiz, and a quiz that is not the last block', async () => {
      const missing = await problemsAfter((root) => fs.rmSync(path.join(root, 'basics/02-second.quiz.yaml')))
      expect(missing).toContain('basics/02-second.mdx:1: lesson has no quiz: every lesson ends with one, defined in 02-second.quiz.yaml')
      const notLast = await problemsAfter((root) => edit(root, 'basics/02-second.mdx', (text) => `${text}\nA closing paragraph.\n`))
      expect(notLast).toEqual(['basics/02-second.mdx:8: the quiz must be the last thing in the lesson'])
    })

    it('reports quiz file errors on their lines', async () => {
      const problems = await problemsAfter((root) =>
        edit(root, 'basics/01-first.quiz.yaml', (text) => text.replace('      - text: Green', '      - text: Green\n        correct: true')),
      )
      expect(problems).toEqual([
        'basics/01-first.quiz.yaml:7: questions.0.choices: a single-choice question needs exactly one correct choice (has 2)',
      ])
      const passMark = await problemsAfter((root) => edit(root, 'basics/01-first.quiz.yaml', (text) => text.replace('passMark: 100', 'passMark: 120')))
      expect(passMark).toEqual([expect.stringMatching(/^basics\/01-first\.quiz\.yaml:1: passMark: Number must be less than or equal to 100/)])
      const feedback = await problemsAfter((root) => edit(root, 'basics/01-first.quiz.yaml', (text) => text.replace('passMark: 100', 'passMark: 100\nfeedback: everything')))
      expect(feedback).toEqual([expect.stringMatching(/^basics\/01-first\.quiz\.yaml:2: feedback: Invalid enum value\. Expected 'score' \| 'per-question'/)])
      expect(await problemsAfter((root) => edit(root, 'basics/01-first.quiz.yaml', (text) => text.replace('passMark: 100', 'passMark: 100\nfeedback: per-question')))).toEqual([])
    })
  })

  describe('links and images', () => {
    it('reports broken internal links, relative links and unknown portal pages', async () => {
      const problems = await problemsAfter((root) =>
        edit(root, 'basics/01-first.mdx', (text) =>
          text.replace('The sky is blue.', 'See [a lesson](/courses/basics/nope),\n[a file](./02-second.mdx) and [a page](/nowhere).'),
        ),
      )
      expect(problems).toEqual([
        'basics/01-first.mdx:8: broken link: /courses/basics/nope is not a course lesson',
        'basics/01-first.mdx:9: broken link: /nowhere is not a page of the portal',
        'basics/01-first.mdx:9: relative link "./02-second.mdx": use a portal path such as /courses/<course>/<lesson>, or a full https:// URL',
      ])
    })

    it('accepts an image in the course folder and reports a missing one', async () => {
      const ok = await problemsAfter((root) => {
        writeFile(root, 'basics/images/sky.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
        edit(root, 'basics/01-first.mdx', (text) => text.replace('The sky is blue.', '<Figure caption="Sky">\n![The sky](./images/sky.svg)\n</Figure>'))
      })
      expect(ok).toEqual([])
      const missing = await problemsAfter((root) => edit(root, 'basics/01-first.mdx', (text) => text.replace('The sky is blue.', '![The sky](./images/missing.png)')))
      expect(missing).toEqual(['basics/01-first.mdx:8: image not found: ./images/missing.png'])
    })
  })

  describe('MDX', () => {
    it('reports syntax errors, unknown components and imports with lines', async () => {
      const syntax = await problemsAfter((root) => edit(root, 'basics/02-second.mdx', (text) => text.replace('More reading.', 'More <Callout type="tip">reading.')))
      expect(syntax).toHaveLength(1)
      expect(syntax[0]).toMatch(/^basics\/02-second\.mdx:\d+: MDX: /)
      const unknown = await problemsAfter((root) => edit(root, 'basics/02-second.mdx', (text) => text.replace('More reading.', 'More reading.\n\n<Chart data="x" />')))
      expect(unknown).toEqual([expect.stringMatching(/^basics\/02-second\.mdx:8: unknown component <Chart>/)])
      const table = await problemsAfter((root) => edit(root, 'basics/02-second.mdx', (text) => text.replace('More reading.', '| a | b |\n| --- | --- |\n| 1 | 2 |')))
      expect(table).toEqual([expect.stringMatching(/^basics\/02-second\.mdx:6: Markdown tables are not supported/)])
      const imports = await problemsAfter((root) => edit(root, 'basics/02-second.mdx', (text) => text.replace('More reading.', "import x from 'y'\n\nMore reading.")))
      expect(imports).toContain('basics/02-second.mdx:6: import/export is not allowed in lessons: components come from the portal')
    })
  })

  it('as a command, prints file:line messages and exits 1 on an invalid course', () => {
    const root = writeFixtureCourses()
    edit(root, 'basics/index.mdx', (text) => text.replace('level: beginner', 'level: expert'))
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/courses-check.ts', root], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/basics\/index\.mdx:4: frontmatter level: Invalid enum value/)
    const valid = spawnSync('node_modules/.bin/tsx', ['scripts/courses-check.ts', writeFixtureCourses()], { encoding: 'utf8' })
    expect(valid.status).toBe(0)
    expect(valid.stdout).toMatch(/2 course\(s\), 3 lesson\(s\), all valid/)
  })
})
