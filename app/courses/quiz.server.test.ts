import { describe, expect, it } from 'vitest'
import { formData } from '~/testing/portal-harness'
import { loadCatalog, type Quiz } from './catalog.server'
import { gradeQuiz, parseQuizSubmission, toPublicQuiz } from './quiz.server'
import { FIXTURE, writeFixtureCourses } from './testing/course-fixtures'

const catalog = loadCatalog(writeFixtureCourses())
const quiz = catalog.courses.find((course) => course.slug === 'basics')!.lessons[0]!.quiz as Quiz

describe('the public quiz', () => {
  it('carries questions and choices but no answer key and no explanations', () => {
    const publicQuiz = toPublicQuiz(quiz)
    expect(publicQuiz.questions.map((question) => question.choices.length)).toEqual([2, 3])
    const json = JSON.stringify(publicQuiz)
    expect(json).not.toMatch(/correct/i)
    expect(json).not.toContain(FIXTURE.basics.first.explanation)
    expect(json).toContain(FIXTURE.basics.first.correctText) // the choice is shown, just not marked
  })
})

describe('grading', () => {
  it('passes exactly the right answers and fails wrong ones', () => {
    expect(gradeQuiz(quiz, { q1: ['b'], q2: ['a', 'c'] })).toMatchObject({ correctCount: 2, scorePercent: 100, passed: true })
    const wrong = gradeQuiz(quiz, { q1: ['a'], q2: ['a'] })
    expect(wrong).toMatchObject({ correctCount: 0, scorePercent: 0, passed: false })
    expect(wrong.results).toEqual([
      { questionId: 'q1', correct: false },
      { questionId: 'q2', correct: false },
    ])
  })

  it('counts a multiple-choice question right only when the selected set is exactly the correct set', () => {
    expect(gradeQuiz(quiz, { q1: ['b'], q2: ['a', 'b', 'c'] }).results[1]!.correct).toBe(false)
    expect(gradeQuiz(quiz, { q1: ['b'], q2: ['c'] }).results[1]!.correct).toBe(false)
  })

  it('applies the pass mark as a percentage of questions', () => {
    // passMark is 100: one of two right is 50%, a fail.
    expect(gradeQuiz(quiz, { q1: ['b'], q2: ['a'] })).toMatchObject({ scorePercent: 50, passed: false })
    const lenient = { ...quiz, passMark: 50 }
    expect(gradeQuiz(lenient, { q1: ['b'], q2: ['a'] }).passed).toBe(true)
  })
})

describe('reading a submission', () => {
  it('accepts a complete answer sheet', () => {
    expect(parseQuizSubmission(formData(FIXTURE.basics.first.right), quiz)).toEqual({ ok: true, answers: { q1: ['b'], q2: ['a', 'c'] } })
  })

  it('rejects unanswered questions, naming them', () => {
    const result = parseQuizSubmission(formData({ 'answer.q1': 'b' }), quiz)
    expect(result).toMatchObject({ ok: false, unanswered: ['q2'] })
  })

  it('rejects unknown questions, unknown choices and two answers to a single-choice question', () => {
    expect(parseQuizSubmission(formData({ ...FIXTURE.basics.first.right, 'answer.q9': 'a' }), quiz).ok).toBe(false)
    expect(parseQuizSubmission(formData({ 'answer.q1': 'z', 'answer.q2': 'a' }), quiz).ok).toBe(false)
    expect(parseQuizSubmission(formData({ 'answer.q1': ['a', 'b'], 'answer.q2': 'a' }), quiz).ok).toBe(false)
  })

  it('rejects a file where text was expected', () => {
    const form = formData({ 'answer.q2': 'a' })
    form.append('answer.q1', new Blob(['b']), 'b.txt')
    expect(parseQuizSubmission(form, quiz)).toMatchObject({ ok: false, message: 'Answers must be text' })
  })
})
