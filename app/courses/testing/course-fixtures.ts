import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Small, known courses for the tests: what they contain is spelled out here, so the tests can
// assert exact grades and exact problems without depending on the real content in courses/.

export const FIXTURE = {
  basics: {
    first: {
      // q1 single: right answer b; q2 multiple: right answers a and c.
      right: { 'answer.q1': ['b'], 'answer.q2': ['a', 'c'] },
      wrong: { 'answer.q1': ['a'], 'answer.q2': ['a'] },
      explanation: 'Because the sky scatters blue light',
      correctText: 'Blue, mostly',
    },
    second: { right: { 'answer.only': ['a'] }, wrong: { 'answer.only': ['b'] } },
  },
}

export function lessonSource(title: string, body: string, quizId?: string): string {
  return `---\ntitle: ${title}\nestimatedMinutes: 5\n---\n\n${body}\n${quizId ? `\n<Quiz id="${quizId}" />\n` : ''}`
}

export function writeFile(root: string, relative: string, content: string) {
  const file = path.join(root, relative)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

/** Two valid courses: `basics` (2 lessons) and `advanced` (1 lesson, requires basics). */
export function writeFixtureCourses(root = fs.mkdtempSync(path.join(os.tmpdir(), 'courses-'))): string {
  writeFile(
    root,
    'basics/index.mdx',
    `---\ntitle: The basics\nsummary: A small course used by the tests.\nlevel: beginner\ntrack: learner\nprerequisites: []\nestimatedMinutes: 10\n---\n\nWelcome to **the basics**.\n`,
  )
  writeFile(
    root,
    'basics/01-first.mdx',
    lessonSource('First lesson', '## Colours\n\nThe sky is blue.\n\n```ts\nconst sky = "blue"\n```\n\n<Callout type="tip">Look up.</Callout>', 'first'),
  )
  writeFile(
    root,
    'basics/01-first.quiz.yaml',
    `passMark: 100
questions:
  - id: q1
    type: single
    prompt: What colour is the sky?
    choices:
      - text: Green
      - text: ${FIXTURE.basics.first.correctText}
        correct: true
    explanation: ${FIXTURE.basics.first.explanation}.
  - id: q2
    type: multiple
    prompt: Which are colours?
    choices:
      - text: Red
        correct: true
      - text: Loud
      - text: Yellow
        correct: true
    explanation: Loud is a sound, not a colour.
`,
  )
  writeFile(root, 'basics/02-second.mdx', lessonSource('Second lesson', 'More reading.', 'second'))
  writeFile(
    root,
    'basics/02-second.quiz.yaml',
    `passMark: 50\nquestions:\n  - id: only\n    type: single\n    prompt: Is this the second lesson?\n    choices:\n      - text: Yes\n        correct: true\n      - text: No\n    explanation: It is lesson two of two.\n`,
  )
  writeFile(
    root,
    'advanced/index.mdx',
    `---\ntitle: Advanced\nsummary: The course after the basics.\nlevel: advanced\ntrack: governor\nprerequisites: [basics]\nestimatedMinutes: 5\n---\n\nSee [the basics](/courses/basics/first).\n`,
  )
  writeFile(root, 'advanced/01-only.mdx', lessonSource('Only lesson', 'Read [the board](/tasks).', 'only'))
  writeFile(
    root,
    'advanced/01-only.quiz.yaml',
    `passMark: 100\nquestions:\n  - id: one\n    type: single\n    prompt: Ready?\n    choices:\n      - text: Yes\n        correct: true\n      - text: No\n    explanation: You are.\n`,
  )
  return root
}
