import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { courseCompletions, lessonProgress, quizAttempts, quizCooldowns } from '#db/schema'
import type { Course, Lesson, Quiz } from '~/courses/catalog.server'
import type { SignedCertificate } from '~/courses/certificate-typed-data'
import { cooldownAfterFailures } from '~/courses/quiz-cooldown'
import { storedAnswersSchema, storedResultsSchema, type AttemptView, type QuizAnswers } from '~/courses/quiz-types'
import type { Grade } from '~/courses/quiz.server'
import { addressKey } from '~/utils/address'
import { storeCertificate } from './certificates.server'

// Quiz attempts: every graded answer sheet is a row, with its per-question results. Recording
// a passing attempt also marks its lesson done and, with the course's last lesson, stores the
// completion and its certificate, all in one transaction. A failed attempt starts (or
// lengthens) the learner's cool-down for that quiz, checked in the same transaction, so answer
// combinations cannot be tried faster than the cool-downs allow, even by parallel requests.

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
): { ok: true; attempt: AttemptView; certificateId: string | null } | { ok: false; retryAt: number } {
  const { course, lesson, quiz, grade, certificate, now } = args
  const key = addressKey(args.address)
  const cooldownKey = and(eq(quizCooldowns.address, key), eq(quizCooldowns.courseSlug, course.slug), eq(quizCooldowns.quizId, quiz.id))
  // IMMEDIATE: the cool-down read and the write that extends it hold the write lock together.
  const row = db.transaction((tx) => {
    const cooldown = tx.select().from(quizCooldowns).where(cooldownKey).get()
    if (cooldown && now < cooldown.nextAttemptAt) return { refused: true, retryAt: cooldown.nextAttemptAt } as const
    let nextAttemptAt: number | null = null
    if (grade.passed) {
      tx.delete(quizCooldowns).where(cooldownKey).run()
    } else {
      const failedInARow = (cooldown?.failedInARow ?? 0) + 1
      nextAttemptAt = now + cooldownAfterFailures(failedInARow)
      tx.insert(quizCooldowns)
        .values({ address: key, courseSlug: course.slug, quizId: quiz.id, failedInARow, nextAttemptAt })
        .onConflictDoUpdate({ target: [quizCooldowns.address, quizCooldowns.courseSlug, quizCooldowns.quizId], set: { failedInARow, nextAttemptAt } })
        .run()
    }
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
    return { refused: false, attempt, certificateId, nextAttemptAt } as const
  }, { behavior: 'immediate' })
  if (row.refused) return { ok: false, retryAt: row.retryAt }
  return { ok: true, attempt: toAttemptView(row.attempt, quiz, row.nextAttemptAt), certificateId: row.certificateId }
}

/** When the learner may next submit the quiz (unix ms), or null when they may now. */
export function getNextAttemptAt(db: Db, address: string, courseSlug: string, quizId: string, now = Date.now()): number | null {
  const row = db
    .select({ nextAttemptAt: quizCooldowns.nextAttemptAt })
    .from(quizCooldowns)
    .where(and(eq(quizCooldowns.address, addressKey(address)), eq(quizCooldowns.courseSlug, courseSlug), eq(quizCooldowns.quizId, quizId)))
    .get()
  return row && row.nextAttemptAt > now ? row.nextAttemptAt : null
}

/** The learner's latest attempt at a quiz, with as much per-question feedback as they may see. */
export function getLatestAttempt(db: Db, address: string, courseSlug: string, quiz: Quiz, now = Date.now()): AttemptView | null {
  const row = db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.address, addressKey(address)), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.quizId, quiz.id)))
    .orderBy(desc(quizAttempts.id))
    .limit(1)
    .get()
  if (!row) return null
  return toAttemptView(row, quiz, getNextAttemptAt(db, address, courseSlug, quiz.id, now))
}

function toAttemptView(row: typeof quizAttempts.$inferSelect, quiz: Quiz, nextAttemptAt: number | null): AttemptView {
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
    results: visibleResults(quiz, row.passed, byQuestion),
    nextAttemptAt,
  }
}

/**
 * The per-question feedback a learner may see, the one place that decides it: after a pass,
 * right or wrong and the explanation of every question; after a failure, nothing unless the
 * quiz's author chose `feedback: per-question`, and then right or wrong without explanations.
 * Explanations come from the current quiz; a question added since the attempt shows as not
 * answered right.
 */
function visibleResults(quiz: Quiz, passed: boolean, correctByQuestion: Map<string, boolean>): AttemptView['results'] {
  if (!passed && quiz.feedback === 'score') return []
  return quiz.questions.map((question) => ({
    questionId: question.id,
    correct: correctByQuestion.get(question.id) ?? false,
    explanation: passed ? question.explanation : null,
  }))
}

export function countAttempts(db: Db, address: string, courseSlug: string, quizId: string): number {
  return db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.address, addressKey(address)), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.quizId, quizId)))
    .all().length
}
