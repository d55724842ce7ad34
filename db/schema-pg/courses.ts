import { sql } from 'drizzle-orm'
import { bigint, boolean, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'

// Opencircle learning records: off-chain, owned by app/courses. Every `address` column holds
// the learner's address in lowercase (see app/utils/address.ts), so equality is plain text
// equality; the checksummed form is only for display and inside signed certificates.
// Times are unix milliseconds, except a certificate's `issuedAt` which is the signed value
// (unix seconds).

/** A lesson is done once its quiz is passed; one row per learner and lesson. */
export const lessonProgress = pgTable(
  'lesson_progress',
  {
    address: text().notNull(),
    courseSlug: text().notNull(),
    lessonSlug: text().notNull(),
    completedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.courseSlug, t.lessonSlug] })],
)

/** Every graded submission, passed or not. `answers` and `results` are JSON (see app/courses/quiz-types.ts). */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    address: text().notNull(),
    courseSlug: text().notNull(),
    lessonSlug: text().notNull(),
    quizId: text().notNull(),
    /** The course's content hash when the attempt was graded. */
    courseVersion: text().notNull(),
    answers: text().notNull(),
    results: text().notNull(),
    correctCount: bigint({ mode: 'number' }).notNull(),
    questionCount: bigint({ mode: 'number' }).notNull(),
    scorePercent: bigint({ mode: 'number' }).notNull(),
    passed: boolean().notNull(),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('quiz_attempts_by_learner').on(t.address, t.courseSlug, t.quizId, t.id)],
)

/** A learner's cool-down per quiz (db/schema/courses.ts has the comments). */
export const quizCooldowns = pgTable(
  'quiz_cooldowns',
  {
    address: text().notNull(),
    courseSlug: text().notNull(),
    quizId: text().notNull(),
    failedInARow: bigint({ mode: 'number' }).notNull(),
    nextAttemptAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.courseSlug, t.quizId] })],
)

/** Signed EIP-712 statements; `id` is the typed-data hash, so the id itself is checkable. */
export const certificates = pgTable(
  'certificates',
  {
    id: text().primaryKey(),
    address: text().notNull(),
    courseSlug: text().notNull(),
    courseTitle: text().notNull(),
    courseVersion: text().notNull(),
    issuedAt: bigint({ mode: 'number' }).notNull(),
    issuer: text().notNull(),
    signature: text().notNull(),
  },
  (t) => [uniqueIndex('certificates_one_per_course').on(t.address, t.courseSlug)],
)

/** The first time a learner finished every lesson of a course, and the certificate it earned. */
export const courseCompletions = pgTable(
  'course_completions',
  {
    address: text().notNull(),
    courseSlug: text().notNull(),
    courseVersion: text().notNull(),
    completedAt: bigint({ mode: 'number' }).notNull(),
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
export const membershipRequests = pgTable(
  'membership_requests',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    address: text().notNull(),
    note: text().notNull().default(''),
    record: text().notNull(),
    status: text({ enum: ['open', 'proposed', 'withdrawn'] })
      .notNull()
      .default('open'),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    // At most one open request per address, even under concurrent submissions.
    uniqueIndex('membership_requests_one_open').on(t.address).where(sql`status = 'open'`),
    index('membership_requests_by_time').on(t.createdAt),
  ],
)
