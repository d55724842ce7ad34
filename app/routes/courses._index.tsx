import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { getCatalog } from '~/courses/catalog.server'
import { ProgressBar } from '~/courses/components/progress-bar'
import { tracks, type Track } from '~/courses/course-schema'
import coursesStyles from '~/courses/courses.css'
import { courseSummary, signInHref } from '~/courses/lookup.server'
import { formatProblem } from '~/courses/problems'
import { getDb } from '~/db.server'
import { getEnv } from '~/env.server'
import { getCatalogProgress } from '~/models/course-progress.server'
import { getPathStatus } from '~/models/membership-requests.server'
import { getAddress } from '~/session/auth.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesStyles }]

export const meta: MetaFunction = () => [
  { title: 'Courses · Openmesh Portal' },
  { name: 'description', content: 'Opencircle courses: from Openmesh basics to contributing through OpenR&D and governing the DAO.' },
]

const trackLabels: Record<Track, { title: string; blurb: string }> = {
  learner: { title: 'Learner', blurb: 'The network, and how to use a wallet safely.' },
  contributor: { title: 'Contributor', blurb: 'Doing paid work through OpenR&D tasks on this portal.' },
  governor: { title: 'Governor', blurb: 'How verified contributors run the Openmesh DAO.' },
}

export async function loader({ request }: LoaderFunctionArgs) {
  const address = await getAddress(request)
  const catalog = getCatalog()
  const db = getDb()
  const progress = address ? getCatalogProgress(db, address, catalog.courses) : null
  return {
    courses: catalog.courses.map((course) => ({
      ...courseSummary(course),
      lessonCount: course.lessons.length,
      prerequisites: course.prerequisites.map((slug) => catalog.courses.find((other) => other.slug === slug)?.title ?? slug),
      progress: progress?.[course.slug] ?? null,
    })),
    signedIn: address !== null,
    signInHref: signInHref('/courses'),
    pathComplete: address ? getPathStatus(db, address, catalog).complete : false,
    // Authors see why a course is missing; readers never do.
    problems: getEnv().NODE_ENV === 'development' ? catalog.problems.map((problem) => formatProblem(problem)) : [],
  }
}

export default function CoursesCatalog() {
  const { courses, signedIn, signInHref, pathComplete, problems } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Courses</h1>
      <p className="lead">
        The Opencircle path takes you from Learner to Contributor to Governor. Every lesson is free to read; each ends with a
        short quiz, and finishing a course earns a certificate that anyone can verify.
      </p>
      {!signedIn ? (
        <p className="callout callout-note">
          <Link to={signInHref}>Sign in with your wallet</Link> to take quizzes, keep your progress and earn certificates.
        </p>
      ) : null}
      {pathComplete ? (
        <p className="callout callout-tip">
          You finished the whole path. <Link to="/dao/requests">Ask to become a verified contributor</Link>.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="callout callout-danger" role="alert">
          <p className="callout-title">Some courses are hidden because they have problems (shown in development only)</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {tracks.map((track) => {
        const inTrack = courses.filter((course) => course.track === track)
        if (inTrack.length === 0) return null
        return (
          <section key={track} aria-labelledby={`track-${track}`}>
            <h2 id={`track-${track}`}>
              {trackLabels[track].title} <span className="muted small">· {trackLabels[track].blurb}</span>
            </h2>
            <div className="grid">
              {inTrack.map((course) => (
                <article key={course.slug} className="card course-card" aria-labelledby={`course-${course.slug}`}>
                  <h3 id={`course-${course.slug}`}>
                    <Link to={`/courses/${course.slug}`}>{course.title}</Link>
                  </h3>
                  <p className="muted small">
                    {course.level} · {course.lessonCount} lessons · about {course.estimatedMinutes} min
                  </p>
                  <p>{course.summary}</p>
                  {course.prerequisites.length > 0 ? <p className="muted small">Take after: {course.prerequisites.join(', ')}</p> : null}
                  {course.progress ? (
                    <>
                      <ProgressBar percent={course.progress.percent} label={`${course.title} progress`} />
                      {course.progress.certificateId ? (
                        <Link to={`/certificates/${course.progress.certificateId}`}>Certificate</Link>
                      ) : course.progress.resumeLesson ? (
                        <Link to={`/courses/${course.slug}/${course.progress.resumeLesson}`}>
                          {course.progress.done === 0 ? 'Start' : 'Resume'}
                        </Link>
                      ) : null}
                    </>
                  ) : null}
                </article>
              ))}
            </div>
          </section>
        )
      })}
      {courses.length === 0 ? <p className="muted">No courses are published yet.</p> : null}
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
