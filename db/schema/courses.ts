import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Opencircle learning records: off-chain, owned by app/courses. Every `address` column holds
// the learner's address in lowercase (see app/utils/address.ts), so equality is plain text
// equality; the checksummed form is only for display and inside signed certificates.
// Times are unix milliseconds, except a certificate's `issuedAt` which is the signed value
// (unix seconds).

/** A lesson is done once its quiz is passed; one row per learner and lesson. */
export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    address: text().notNull(),
    courseSlug: text().notNull(),
    lessonSlug: text().notNull(),
    completedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.courseSlug, t.lessonSlug] })],
)

/** Every graded submission, passed or not. `answers` and `results` are JSON (see app/courses/quiz-types.ts). */
export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    address: text().notNull(),
    courseSlug: text().notNull(),
    lessonSlug: text().notNull(),
    quizId: text().notNull(),
    /** The course's content hash when the attempt was graded. */
    courseVersion: text().notNull(),
    answers: text().notNull(),
    results: text().notNull(),
    correctCount: integer().notNull(),
    questionCount: integer().notNull(),
    scorePercent: integer().notNull(),
    passed: integer({ mode: 'boolean' }).notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [index('quiz_attempts_by_learner').on(t.address, t.courseSlug, t.quizId, t.id)],
)

/**
 * When a learner may next submit a quiz: each failed attempt in a row makes the wait longer
 * (app/courses/quiz-cooldown.ts), a pass clears it. Kept apart from quiz_attempts so the check
 * is one primary-key read, and so deleting old attempts never lifts a cool-down.
 */
export const quizCooldowns = sqliteTable(
  'quiz_cooldowns',
  {
    address: text().notNull(),
    courseSlug: text().notNull(),
    quizId: text().notNull(),
    /** Failed attempts since the last pass. */
    failedInARow: integer().notNull(),
    nextAttemptAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.courseSlug, t.quizId] })],
)

/** Signed EIP-712 statements; `id` is the typed-data hash, so the id itself is checkable. */
export const certificates = sqliteTable(
  'certificates',
  {
    id: text().primaryKey(),
    address: text().notNull(),
    courseSlug: text().notNull(),
    courseTitle: text().notNull(),
    courseVersion: text().notNull(),
    issuedAt: integer().notNull(),
    issuer: text().notNull(),
    signature: text().notNull(),
  },
  (t) => [uniqueIndex('certificates_one_per_course').on(t.address, t.courseSlug)],
)

/** The first time a learner finished every lesson of a course, and the certificate it earned. */
export const courseCompletions = sqliteTable(
  'course_completions',
  {
    address: text().notNull(),
    courseSlug: text().notNull(),
    courseVersion: text().notNull(),
    completedAt: integer().notNull(),
    certificateId: text()
      .notNull()
      .references(() => certificates.id),
  },
  (t) => [primaryKey({ columns: [t.address, t.courseSlug] })],
)

/**
 * A learner who finished the whole path asks to become a verified contributor. `record` is a
 * JSON snapshot (courses, certificates, completed tasks) taken when the request was filed.
 */
export const membershipRequests = sqliteTable(
  'membership_requests',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    address: text().notNull(),
    note: text().notNull().default(''),
    record: text().notNull(),
    status: text({ enum: ['open', 'proposed', 'withdrawn'] })
      .notNull()
      .default('open'),
    createdAt: integer().notNull(),
  },
  (t) => [
    // At most one open request per address, even under concurrent submissions.
    uniqueIndex('membership_requests_one_open').on(t.address).where(sql`status = 'open'`),
    index('membership_requests_by_time').on(t.createdAt),
  ],
)
