import type { PrivateKeyAccount } from 'viem'
import type { Db } from '#db/client'
import { getCompletedLessonSlugs, getCompletion } from '~/models/course-progress.server'
import { getNextAttemptAt, recordQuizAttempt } from '~/models/quiz-attempts.server'
import type { Course, Lesson } from './catalog.server'
import { signCertificate } from './certificate-signing.server'
import type { SignedCertificate } from './certificate-typed-data'
import { describeWait } from './quiz-cooldown'
import type { AttemptView } from './quiz-types'
import { gradeQuiz, parseQuizSubmission } from './quiz.server'

export type QuizOutcome =
  | { ok: true; attempt: AttemptView; courseCompleted: boolean; certificateId: string | null }
  | { ok: false; message: string; unanswered: string[]; retryAt?: number }

/**
 * Grades a submitted quiz form and records it: the attempt, the lesson as done when passed,
 * and — when that was the last lesson — the course completion with its signed certificate,
 * all in one transaction. While the learner's cool-down for this quiz runs (after a failed
 * attempt) the sheet is refused ungraded, with the time they may try again.
 */
export async function submitQuiz(args: {
  db: Db
  address: `0x${string}`
  course: Course
  lesson: Lesson
  formData: FormData
  issuer: PrivateKeyAccount
  now?: number
}): Promise<QuizOutcome> {
  const { db, address, course, lesson, formData, issuer } = args
  const now = args.now ?? Date.now()
  const quiz = lesson.quiz
  if (!quiz) return { ok: false, message: 'This lesson has no quiz.', unanswered: [] }
  if (formData.get('quizId') !== quiz.id) return { ok: false, message: 'This answer sheet is for a different quiz.', unanswered: [] }
  const cooling = (retryAt: number) => ({
    ok: false as const,
    message: `You can try this quiz again in ${describeWait(retryAt - now)}: the wait grows with each failed attempt, so reread the lesson first.`,
    unanswered: [],
    retryAt,
  })
  const submission = parseQuizSubmission(formData, quiz)
  if (!submission.ok) return submission
  // Checked again when the attempt is recorded; this early look only spares grading and signing.
  const retryAt = getNextAttemptAt(db, address, course.slug, quiz.id, now)
  if (retryAt !== null) return cooling(retryAt)
  const grade = gradeQuiz(quiz, submission.answers)

  let certificate: SignedCertificate | null = null
  if (grade.passed && !getCompletion(db, address, course.slug)) {
    const done = getCompletedLessonSlugs(db, address, course.slug)
    done.add(lesson.slug)
    if (course.lessons.every((candidate) => done.has(candidate.slug))) {
      // Signed before the transaction: better-sqlite3 transactions cannot await.
      certificate = await signCertificate(issuer, {
        course: course.slug,
        courseVersion: course.version,
        learner: address,
        issuedAt: Math.floor(now / 1000),
      })
    }
  }

  const recorded = recordQuizAttempt(db, { address, course, lesson, quiz, answers: submission.answers, grade, certificate, now })
  if (!recorded.ok) return cooling(recorded.retryAt)
  return { ok: true, attempt: recorded.attempt, courseCompleted: recorded.certificateId !== null, certificateId: recorded.certificateId }
}
