import type { Quiz } from './catalog.server'
import { answerField, type PublicQuiz, type QuestionResult, type QuizAnswers } from './quiz-types'

// Grading happens here and only here: the answer key never leaves the server.

export function toPublicQuiz(quiz: Quiz): PublicQuiz {
  return {
    id: quiz.id,
    passMark: quiz.passMark,
    questions: quiz.questions.map((question) => ({
      id: question.id,
      type: question.type,
      prompt: question.prompt,
      choices: question.choices.map((choice) => ({ id: choice.id, text: choice.text })),
    })),
  }
}

export type SubmissionResult = { ok: true; answers: QuizAnswers } | { ok: false; message: string; unanswered: string[] }

/** Reads a quiz form; anything that is not a well-formed answer to this quiz is rejected as a whole. */
export function parseQuizSubmission(formData: FormData, quiz: Quiz): SubmissionResult {
  const answers: QuizAnswers = {}
  const unanswered: string[] = []
  const known = new Set(quiz.questions.map((question) => answerField(question.id)))
  for (const key of formData.keys()) {
    if (key.startsWith('answer.') && !known.has(key)) return { ok: false, message: `Unknown question: ${key.slice(7)}`, unanswered }
  }
  for (const question of quiz.questions) {
    const values = formData.getAll(answerField(question.id))
    if (values.some((value) => typeof value !== 'string')) return { ok: false, message: 'Answers must be text', unanswered }
    const selected = [...new Set(values as string[])]
    const choiceIds = new Set(question.choices.map((choice) => choice.id))
    if (selected.some((id) => !choiceIds.has(id))) return { ok: false, message: `Not a choice of "${question.prompt}"`, unanswered }
    if (question.type === 'single' && selected.length > 1) return { ok: false, message: `Pick one answer for "${question.prompt}"`, unanswered }
    if (selected.length === 0) unanswered.push(question.id)
    answers[question.id] = selected.sort()
  }
  if (unanswered.length > 0) {
    return { ok: false, message: `Answer every question before submitting (${unanswered.length} unanswered).`, unanswered }
  }
  return { ok: true, answers }
}

export type Grade = {
  results: QuestionResult[]
  correctCount: number
  questionCount: number
  scorePercent: number
  passed: boolean
}

/** A question is right when the selected set equals the correct set exactly. */
export function gradeQuiz(quiz: Quiz, answers: QuizAnswers): Grade {
  const results = quiz.questions.map((question) => {
    const selected = new Set(answers[question.id] ?? [])
    const correctIds = question.choices.filter((choice) => choice.correct).map((choice) => choice.id)
    const correct = selected.size === correctIds.length && correctIds.every((id) => selected.has(id))
    return { questionId: question.id, correct }
  })
  const correctCount = results.filter((result) => result.correct).length
  const questionCount = quiz.questions.length
  const scorePercent = Math.floor((correctCount * 100) / questionCount)
  return { results, correctCount, questionCount, scorePercent, passed: scorePercent >= quiz.passMark }
}
