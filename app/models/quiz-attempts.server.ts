import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { courseCompletions, lessonProgress, quizAttempts } from '#db/schema'
import type { Course, Lesson, Quiz } from '~/courses/catalog.server'
import type { SignedCertificate } from '~/courses/certificate-typed-data'
import { storedAnswersSchema, storedResultsSchema, type AttemptView, type QuizAnswers } from '~/courses/quiz-types'
import type { Grade } from '~/courses/quiz.server'
import { addressKey } from '~/utils/address'
import { storeCertificate } from './certificates.server'

// Quiz attempts: every graded answer sheet is a row, with its per-question results. Recording
// a passing attempt also marks its lesson done and, with the course's last lesson, stores the
// completion and its certificate, all in one transaction.

/**
 * Records a graded attempt; when `certificate` is given (the attempt completes the course), the
 * completion and the certificate with it. Answers the attempt as the learner sees it and the
 * id of the certificate stored (null when none was).
 */
export function recordQuizAttempt(
  db: Db,
  args: {
    address: string
    course: Course
    lesson: Lesson
    quiz: Quiz
    answers: QuizAnswers
    grade: Grade
    certificate: SignedCertificate | null
    now: number
  },
): { attempt: AttemptView; certificateId: string | null } {
  const { course, lesson, quiz, grade, certificate, now } = args
  const key = addressKey(args.address)
  const row = db.transaction((tx) => {
    const attempt = tx
      .insert(quizAttempts)
      .values({
        address: key,
        courseSlug: course.slug,
        lessonSlug: lesson.slug,
        quizId: quiz.id,
        courseVersion: course.version,
        answers: JSON.stringify(args.answers),
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
  return { attempt: toAttemptView(row.attempt, quiz), certificateId: row.certificateId }
}

/** The learner's latest attempt at a quiz, with the explanations the quiz gives after an attempt. */
export function getLatestAttempt(db: Db, address: string, courseSlug: string, quiz: Quiz): AttemptView | null {
  const row = db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.address, addressKey(address)), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.quizId, quiz.id)))
    .orderBy(desc(quizAttempts.id))
    .limit(1)
    .get()
  if (!row) return null
  return toAttemptView(row, quiz)
}

function toAttemptView(row: typeof quizAttempts.$inferSelect, quiz: Quiz): AttemptView {
  const answers = storedAnswersSchema.safeParse(JSON.parse(row.answers))
  const results = storedResultsSchema.safeParse(JSON.parse(row.results))
  const byQuestion = new Map((results.success ? results.data : []).map((result) => [result.questionId, result.correct]))
  return {
    scorePercent: row.scorePercent,
    correctCount: row.correctCount,
    questionCount: row.questionCount,
    passed: row.passed,
    createdAt: row.createdAt,
    answers: answers.success ? answers.data : {},
    // Explanations come from the current quiz; a question added since the attempt shows as not answered right.
    results: quiz.questions.map((question) => ({
      questionId: question.id,
      correct: byQuestion.get(question.id) ?? false,
      explanation: question.explanation,
    })),
  }
}

export function countAttempts(db: Db, address: string, courseSlug: string, quizId: string): number {
  return db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.address, addressKey(address)), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.quizId, quizId)))
    .all().length
}
