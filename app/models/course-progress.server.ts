import { and, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { courseCompletions, lessonProgress } from '#db/schema'
import type { Course } from '~/courses/catalog.server'
import { getDb } from '~/db.server'
import { addressKey } from '~/utils/address'

// A learner's progress: a lesson is done once its quiz is passed; a course is complete (and
// certified) once every lesson is done. "Resume" is the first lesson not yet done, so reading
// a page never writes anything.

export type CourseProgress = {
  done: number
  total: number
  percent: number
  completedLessons: string[]
  /** The lesson to continue with; null when every lesson is done. */
  resumeLesson: string | null
  certificateId: string | null
}

export function getCompletedLessonSlugs(db: Db, address: string, courseSlug: string): Set<string> {
  const rows = db
    .select({ lessonSlug: lessonProgress.lessonSlug })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.address, addressKey(address)), eq(lessonProgress.courseSlug, courseSlug)))
    .all()
  return new Set(rows.map((row) => row.lessonSlug))
}

export function getCourseProgress(db: Db, address: string, course: Course): CourseProgress {
  return progressOf(course, getCompletedLessonSlugs(db, address, course.slug), getCompletion(db, address, course.slug)?.certificateId ?? null)
}

/** Progress for every course at once (two queries), for the catalog. */
export function getCatalogProgress(db: Db, address: string, courses: Course[]): Record<string, CourseProgress> {
  const key = addressKey(address)
  const lessons = db.select().from(lessonProgress).where(eq(lessonProgress.address, key)).all()
  const completions = db.select().from(courseCompletions).where(eq(courseCompletions.address, key)).all()
  const result: Record<string, CourseProgress> = {}
  for (const course of courses) {
    const done = new Set(lessons.filter((row) => row.courseSlug === course.slug).map((row) => row.lessonSlug))
    result[course.slug] = progressOf(course, done, completions.find((row) => row.courseSlug === course.slug)?.certificateId ?? null)
  }
  return result
}

function progressOf(course: Course, completed: Set<string>, certificateId: string | null): CourseProgress {
  const doneLessons = course.lessons.filter((lesson) => completed.has(lesson.slug))
  const total = course.lessons.length
  return {
    done: doneLessons.length,
    total,
    percent: total === 0 ? 0 : Math.floor((doneLessons.length * 100) / total),
    completedLessons: doneLessons.map((lesson) => lesson.slug),
    resumeLesson: course.lessons.find((lesson) => !completed.has(lesson.slug))?.slug ?? null,
    certificateId,
  }
}

export function getCompletion(db: Db, address: string, courseSlug: string) {
  return db
    .select()
    .from(courseCompletions)
    .where(and(eq(courseCompletions.address, addressKey(address)), eq(courseCompletions.courseSlug, courseSlug)))
    .get()
}

export function listCompletions(db: Db, address: string) {
  return db.select().from(courseCompletions).where(eq(courseCompletions.address, addressKey(address))).all()
}

export function hasCompletedCourseIn(db: Db, address: string, courseSlug: string): boolean {
  return getCompletion(db, address, courseSlug) !== undefined
}

/** For the tasks feature: a task's metadata may name a course its applicants must have finished. */
export function hasCompletedCourse(address: string, courseSlug: string): boolean {
  return hasCompletedCourseIn(getDb(), address, courseSlug)
}
