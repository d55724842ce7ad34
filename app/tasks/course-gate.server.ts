import { findCourse, getCatalog } from '~/courses/catalog.server'
import { hasCompletedCourse } from '~/models/course-progress.server'

// Course-gated tasks: a task's metadata may name a course (by slug) that applicants must have
// completed, as recorded by the courses feature. A course the catalog does not know cannot be
// completed here, so it keeps the task closed to applications rather than silently open.

export type CourseGate = { slug: string; title: string; href: string; completed: boolean; known: boolean }

export function courseGate(slug: string | undefined, address: string | null): CourseGate | null {
  if (!slug) return null
  const course = findCourse(getCatalog(), slug)
  return {
    slug,
    title: course?.title ?? slug,
    href: `/courses/${slug}`,
    known: Boolean(course),
    completed: address !== null && hasCompletedCourse(address, slug),
  }
}
