import type { PrivateKeyAccount } from 'viem'
import type { Db } from '#db/client'
import { courseCompletions, lessonProgress, quizAttempts } from '#db/schema'
import { addressKey } from '~/utils/address'
import type { Course, Lesson } from './catalog.server'
import { signCertificate, storeCertificate, type SignedCertificate } from './certificates.server'
import { getCompletedLessonSlugs, getCompletion, toAttemptView } from './progress.server'
import type { AttemptView } from './quiz-types'
import { gradeQuiz, parseQuizSubmission } from './quiz.server'

export type QuizOutcome =
  | { ok: true; attempt: AttemptView; courseCompleted: boolean; certificateId: string | null }
  | { ok: false; message: string; unanswered: string[] }

/**
 * Grades a submitted quiz form and records it: the attempt, the lesson as done when passed,
 * and — when that was the last lesson — the course completion with its signed certificate,
 * all in one transaction.
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
  const submission = parseQuizSubmission(formData, quiz)
  if (!submission.ok) return submission
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

  const key = addressKey(address)
  const row = db.transaction((tx) => {
    const attempt = tx
      .insert(quizAttempts)
      .values({
        address: key,
        courseSlug: course.slug,
        lessonSlug: lesson.slug,
        quizId: quiz.id,
        courseVersion: course.version,
        answers: JSON.stringify(submission.answers),
        results: JSON.stringify(grade.results),
        correctCount: grade.correctCount,
        questionCount: grade.questionCount,
        scorePercent: grade.scorePercent,
        passed: grade.passed,
        createdAt: now,
      })
      .returning()
      .get()
    if (grade.passed) {
      tx.insert(lessonProgress).values({ address: key, courseSlug: course.slug, lessonSlug: lesson.slug, completedAt: now }).onConflictDoNothing().run()
    }
    let certificateId: string | null = null
    if (certificate) {
      certificateId = storeCertificate(tx, certificate, course.title)
      tx.insert(courseCompletions)
        .values({ address: key, courseSlug: course.slug, courseVersion: course.version, completedAt: now, certificateId })
        .onConflictDoNothing()
        .run()
    }
    return { attempt, certificateId }
  })

  return { ok: true, attempt: toAttemptView(row.attempt, quiz), courseCompleted: row.certificateId !== null, certificateId: row.certificateId }
}
