import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { findCourse, getCatalog } from '~/courses/catalog.server'
import { MdxContent } from '~/courses/components/mdx-content'
import { ProgressBar } from '~/courses/components/progress-bar'
import coursesStyles from '~/courses/courses.css'
import { compileForPage, courseSummary, introCompileInput, requireCourse, signInHref } from '~/courses/lookup.server'
import { getDb } from '~/db.server'
import { getCourseProgress, hasCompletedCourseIn } from '~/models/course-progress.server'
import { getAddress } from '~/session/auth.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} · Courses · Openmesh Portal` : 'Course · Openmesh Portal' },
  ...(data ? [{ name: 'description', content: data.course.summary }] : []),
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const course = requireCourse(params.course)
  const [address, code] = await Promise.all([getAddress(request), compileForPage(introCompileInput(course))])
  const db = getDb()
  const catalog = getCatalog()
  const progress = address ? getCourseProgress(db, address, course) : null
  return {
    course: {
      ...courseSummary(course),
      outcomes: course.outcomes,
      version: course.version,
    },
    prerequisites: course.prerequisites.map((slug) => ({
      slug,
      title: findCourse(catalog, slug)?.title ?? slug,
      done: address ? hasCompletedCourseIn(db, address, slug) : false,
    })),
    lessons: course.lessons.map((lesson) => ({
      slug: lesson.slug,
      number: lesson.number,
      title: lesson.title,
      summary: lesson.summary,
      estimatedMinutes: lesson.estimatedMinutes,
    })),
    code,
    signedIn: address !== null,
    signInHref: signInHref(new URL(request.url).pathname),
    progress,
  }
}

export default function CoursePage() {
  const { course, prerequisites, lessons, code, signedIn, signInHref, progress } = useLoaderData<typeof loader>()
  const done = new Set(progress?.completedLessons ?? [])
  const start = progress?.resumeLesson ?? lessons[0]?.slug
  return (
    <article className="course-page">
      <p className="muted">
        <Link to="/courses">Courses</Link> · {course.track} track · {course.level} · about {course.estimatedMinutes} min
      </p>
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>

      {progress ? (
        <div className="course-progress">
          <ProgressBar percent={progress.percent} label={`${course.title} progress`} />
          <p>
            {progress.done} of {progress.total} lessons done.{' '}
            {progress.certificateId ? (
              <Link to={`/certificates/${progress.certificateId}`}>View your certificate</Link>
            ) : progress.resumeLesson ? (
              <Link className="button" to={`/courses/${course.slug}/${progress.resumeLesson}`}>
                {progress.done === 0 ? 'Start the course' : 'Resume where you left off'}
              </Link>
            ) : null}
          </p>
        </div>
      ) : (
        <p className="callout callout-note">
          Every lesson is open to read. <Link to={signInHref}>Sign in with your wallet</Link> to take the quizzes, keep your
          progress and earn a certificate.{' '}
          {start ? <Link to={`/courses/${course.slug}/${start}`}>Start reading</Link> : null}
        </p>
      )}

      {prerequisites.length > 0 ? (
        <section aria-labelledby="prerequisites-heading">
          <h2 id="prerequisites-heading">Before this course</h2>
          <ul>
            {prerequisites.map((prerequisite) => (
              <li key={prerequisite.slug}>
                <Link to={`/courses/${prerequisite.slug}`}>{prerequisite.title}</Link>
                {signedIn ? <span className="muted">{prerequisite.done ? ' · finished ✓' : ' · not finished yet'}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <MdxContent code={code} />

      {course.outcomes.length > 0 ? (
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">After this course you can</h2>
          <ul>
            {course.outcomes.map((outcome) => (
              <li key={outcome}>{outcome}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">Lessons</h2>
        <ol className="lesson-list">
          {lessons.map((lesson) => (
            <li key={lesson.slug} className="card">
              <Link to={`/courses/${course.slug}/${lesson.slug}`}>{lesson.title}</Link>
              {done.has(lesson.slug) ? <span className="done-mark" aria-label="done"> ✓</span> : null}
              <span className="muted"> · {lesson.estimatedMinutes} min</span>
              {lesson.summary ? <p className="muted">{lesson.summary}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      <p className="muted small">Course version {course.version.slice(0, 10)}…</p>
    </article>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
