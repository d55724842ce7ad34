import { z } from 'zod'

// What the browser may know about a quiz: questions and choices, never which choice is right.
// After an attempt it also learns, per question, whether its own answer was right and why.

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
  results: (QuestionResult & { explanation: string })[]
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
  | { ok: false; message: string; unanswered: string[] }
