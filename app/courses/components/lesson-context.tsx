import { createContext, useContext } from 'react'
import type { AttemptView, PublicQuiz } from '~/courses/quiz-types'

/** What a lesson's <Quiz> needs from the route: the public quiz, the learner's last attempt, the session. */
export type LessonContextValue = {
  quiz: PublicQuiz | null
  attempt: AttemptView | null
  attemptCount: number
  /** "8 minutes" while the learner's cool-down after a failed attempt runs, else null. */
  retryIn: string | null
  signedIn: boolean
  signInHref: string
}

export const LessonContext = createContext<LessonContextValue | null>(null)

export function useLessonContext(): LessonContextValue | null {
  return useContext(LessonContext)
}
