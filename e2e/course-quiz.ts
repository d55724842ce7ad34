import fs from 'node:fs'
import path from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { parse } from 'yaml'

// Taking a real course's quizzes in the browser, for the specs that need a learner to pass them.
// The answer key is read from the quiz files on disk, as only the server (and the tests) may.

export type QuizQuestion = { id: string; type: 'single' | 'multiple'; prompt: string; explanation: string; choices: { text: string; correct?: boolean }[] }
export type CourseLesson = { slug: string; title: string; questions: QuizQuestion[] }

/** A course's lessons in order, each with its quiz. */
export function readCourseLessons(course: string): CourseLesson[] {
  const courseDir = path.resolve('courses', course)
  return fs
    .readdirSync(courseDir)
    .filter((name) => /^\d{2}-.+\.mdx$/.test(name))
    .sort()
    .map((name) => {
      const stem = name.replace(/\.mdx$/, '')
      const quiz = parse(fs.readFileSync(path.join(courseDir, `${stem}.quiz.yaml`), 'utf8')) as { questions: QuizQuestion[] }
      const title = /^title: (.+)$/m.exec(fs.readFileSync(path.join(courseDir, name), 'utf8'))![1]!
      return { slug: stem.replace(/^\d{2}-/, ''), title, questions: quiz.questions }
    })
}

export function questionGroup(page: Page, question: QuizQuestion): Locator {
  return page.getByRole('group', { name: new RegExp(question.prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
}

/** Ticks exactly the given choices of each question (radio buttons: the one choice), then submits. */
export async function answerQuiz(page: Page, questions: QuizQuestion[], pick: (question: QuizQuestion) => string[]) {
  for (const question of questions) {
    const group = questionGroup(page, question)
    const chosen = new Set(pick(question))
    for (const choice of question.choices) {
      const input = group.getByLabel(choice.text, { exact: true })
      if (question.type === 'single') {
        if (chosen.has(choice.text)) await input.check()
      } else {
        await input.setChecked(chosen.has(choice.text))
      }
    }
  }
  await page.getByRole('button', { name: /^Submit/ }).click()
}

export const rightAnswers = (question: QuizQuestion) => question.choices.filter((choice) => choice.correct).map((choice) => choice.text)
export const wrongAnswers = (question: QuizQuestion) => [question.choices.find((choice) => !choice.correct)!.text]

/** Passes every lesson of the course from the first, in the signed-in page; the last pass issues the certificate. */
export async function passCourse(page: Page, course: string) {
  for (const lesson of readCourseLessons(course)) {
    await page.goto(`/courses/${course}/${lesson.slug}`)
    await answerQuiz(page, lesson.questions, rightAnswers)
    await expect(page.getByRole('status').filter({ hasText: /^Passed/ })).toBeVisible()
  }
}
