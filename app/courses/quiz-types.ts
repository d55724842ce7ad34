import { z } from 'zod'

// What the browser may know about a quiz: questions and choices, never which choice is right.
// After a failed attempt it learns its score and, only when the quiz's author allows it
// (`feedback: per-question`), which of its answers were right; after a pass, also why.

export type PublicQuiz = {
  id: string
  passMark: number
  questions: { id: string; type: 'single' | 'multiple'; prompt: string; choices: { id: string; text: string }[] }[]
}

/** A learner's answers: question id → the choice ids they selected. */
export type QuizAnswers = Record<string, string[]>

export type QuestionResult = { questionId: string; correct: boolean }

export type AttemptView = {
  scorePercent: number
  correctCount: number
  questionCount: number
  passed: boolean
  createdAt: number
  answers: QuizAnswers
  /** Per question, as much as the learner may see (see visibleResults in app/models/quiz-attempts.server.ts); empty after a failed attempt by default. */
  results: (QuestionResult & { explanation: string | null })[]
  /** When the learner may submit again (unix ms); null when they may now. */
  nextAttemptAt: number | null
}

export const storedAnswersSchema = z.record(z.string(), z.array(z.string()))
export const storedResultsSchema = z.array(z.object({ questionId: z.string(), correct: z.boolean() }))

/** Form field name of a question's answer(s). */
export function answerField(questionId: string): string {
  return `answer.${questionId}`
}

/** What the lesson route's action answers a quiz submission with. */
export type QuizActionData =
  | { ok: true; attempt: AttemptView; courseCompleted: boolean; certificateId: string | null }
  | { ok: false; message: string; unanswered: string[]; retryAt?: number }
