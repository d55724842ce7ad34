import { data } from '@remix-run/node'
import { envVariable } from '#config/env'
import { findCourse, findLesson, getCatalog, type Course, type Lesson } from './catalog.server'
import { getMdxCompiler, MdxCompileError, type CompileInput } from './mdx-compile.server'
import { formatProblem } from './problems'

// Route helpers: URL params → catalog entries, or the 404 a reader should see.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function requireCourse(slug: string | undefined): Course {
  const course = slug && SLUG.test(slug) ? findCourse(getCatalog(), slug) : undefined
  if (!course) throw data('There is no course at this address.', { status: 404 })
  return course
}

export function requireLesson(course: Course, slug: string | undefined): Lesson {
  const lesson = slug && SLUG.test(slug) ? findLesson(course, slug) : undefined
  if (!lesson) throw data(`The course "${course.title}" has no such lesson.`, { status: 404 })
  return lesson
}

/** Compiles (or fetches from cache) a lesson; an author's MDX error is shown in development only. */
export async function compileForPage(input: CompileInput): Promise<string> {
  try {
    return (await getMdxCompiler().compile(input)).code
  } catch (error) {
    if (!(error instanceof MdxCompileError)) throw error
    console.error(`courses: ${error.message}`)
    const detail = envVariable('NODE_ENV') === 'development' ? ` ${error.problems.map((problem) => formatProblem(problem)).join('; ')}` : ''
    throw data(`This page could not be prepared.${detail}`, { status: 500 })
  }
}

export function lessonCompileInput(course: Course, lesson: Lesson): CompileInput {
  return { source: lesson.source, file: lesson.file, courseDir: course.dir, assetsHash: course.assetsHash }
}

export function introCompileInput(course: Course): CompileInput {
  return { source: course.introSource, file: course.indexFile, courseDir: course.dir, assetsHash: course.assetsHash }
}

/** What the catalog and a course's page both show of a course. */
export function courseSummary(course: Course) {
  return {
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    level: course.level,
    track: course.track,
    estimatedMinutes: course.estimatedMinutes,
  }
}

export function signInHref(pathname: string): string {
  return `/sign-in?redirectTo=${encodeURIComponent(pathname)}`
}
