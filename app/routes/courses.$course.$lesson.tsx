import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { LessonContext } from '~/courses/components/lesson-context'
import { MdxContent } from '~/courses/components/mdx-content'
import { ProgressBar } from '~/courses/components/progress-bar'
import coursesStyles from '~/courses/courses.css'
import { getIssuer } from '~/courses/issuer.server'
import { compileForPage, lessonCompileInput, requireCourse, requireLesson, signInHref } from '~/courses/lookup.server'
import { describeWait } from '~/courses/quiz-cooldown'
import type { QuizActionData } from '~/courses/quiz-types'
import { toPublicQuiz } from '~/courses/quiz.server'
import { submitQuiz } from '~/courses/submit-quiz.server'
import { getDb } from '~/db.server'
import { requireSameOrigin } from '~/http/origin.server'
import { getCourseProgress } from '~/models/course-progress.server'
import { countAttempts, getLatestAttempt } from '~/models/quiz-attempts.server'
import { getAddress, requireAddress } from '~/session/auth.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: coursesStyles }]

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData ? `${loaderData.lesson.title} · ${loaderData.course.title} · Openmesh Portal` : 'Lesson · Openmesh Portal' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const course = requireCourse(params.course)
  const lesson = requireLesson(course, params.lesson)
  const [address, code] = await Promise.all([getAddress(request), compileForPage(lessonCompileInput(course, lesson))])
  const db = getDb()
  const progress = address ? getCourseProgress(db, address, course) : null
  const index = course.lessons.indexOf(lesson)
  const neighbour = (offset: number) => {
    const other = course.lessons[index + offset]
    return other ? { slug: other.slug, title: other.title } : null
  }
  const attempt = address && lesson.quiz ? getLatestAttempt(db, address, course.slug, lesson.quiz) : null
  return {
    course: { slug: course.slug, title: course.title },
    lessons: course.lessons.map((entry) => ({ slug: entry.slug, number: entry.number, title: entry.title })),
    lesson: { slug: lesson.slug, number: lesson.number, title: lesson.title, summary: lesson.summary, estimatedMinutes: lesson.estimatedMinutes },
    previous: neighbour(-1),
    next: neighbour(1),
    code,
    // Questions and choices only: the answer key stays in the quiz file on the server.
    quiz: lesson.quiz ? toPublicQuiz(lesson.quiz) : null,
    attempt,
    retryIn: attempt?.nextAttemptAt ? describeWait(attempt.nextAttemptAt - Date.now()) : null,
    attemptCount: address && lesson.quiz ? countAttempts(db, address, course.slug, lesson.quiz.id) : 0,
    signedIn: address !== null,
    signInHref: signInHref(new URL(request.url).pathname),
    progress: progress
      ? { percent: progress.percent, completedLessons: progress.completedLessons, certificateId: progress.certificateId }
      : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request)
  const course = requireCourse(params.course)
  const lesson = requireLesson(course, params.lesson)
  const address = await requireAddress(request)
  const formData = await request.formData().catch(() => null)
  const bad = (message: string) => data<QuizActionData>({ ok: false, message, unanswered: [] }, { status: 400 })
  if (!formData) return bad('The form could not be read.')
  if (formData.get('intent') !== 'quiz') return bad('Unknown action.')
  const outcome = await submitQuiz({ db: getDb(), address, course, lesson, formData, issuer: getIssuer() })
  if (!outcome.ok && outcome.retryAt !== undefined) {
    const seconds = Math.max(1, Math.ceil((outcome.retryAt - Date.now()) / 1000))
    return data<QuizActionData>(outcome, { status: 429, headers: { 'Retry-After': String(seconds) } })
  }
  if (!outcome.ok) return data<QuizActionData>(outcome, { status: 400 })
  return data<QuizActionData>(outcome)
}

export default function LessonPage() {
  const page = useLoaderData<typeof loader>()
  const done = new Set(page.progress?.completedLessons ?? [])
  return (
    <div className="lesson-layout">
      <nav className="lesson-nav" aria-label="Lessons">
        <p>
          <Link to={`/courses/${page.course.slug}`}>{page.course.title}</Link>
        </p>
        {page.progress ? <ProgressBar percent={page.progress.percent} label={`${page.course.title} progress`} /> : null}
        <ol>
          {page.lessons.map((entry) => (
            <li key={entry.slug} className={entry.slug === page.lesson.slug ? 'current' : undefined}>
              <Link to={`/courses/${page.course.slug}/${entry.slug}`} aria-current={entry.slug === page.lesson.slug ? 'page' : undefined}>
                {entry.title}
              </Link>
              {done.has(entry.slug) ? <span className="done-mark" aria-label="done"> ✓</span> : null}
            </li>
          ))}
        </ol>
      </nav>
      <article className="lesson">
        <p className="muted">
          Lesson {page.lesson.number} of {page.lessons.length} · about {page.lesson.estimatedMinutes} min
          {done.has(page.lesson.slug) ? ' · done ✓' : ''}
        </p>
        <h1>{page.lesson.title}</h1>
        {page.lesson.summary ? <p className="lead">{page.lesson.summary}</p> : null}
        {page.progress?.certificateId ? (
          <p className="callout callout-tip">
            You have finished this course. <Link to={`/certificates/${page.progress.certificateId}`}>See your certificate</Link>.
          </p>
        ) : null}
        <LessonContext.Provider
          value={{
            quiz: page.quiz,
            attempt: page.attempt,
            attemptCount: page.attemptCount,
            retryIn: page.retryIn,
            signedIn: page.signedIn,
            signInHref: page.signInHref,
          }}
        >
          <MdxContent code={page.code} />
        </LessonContext.Provider>
        <nav className="lesson-pager" aria-label="Previous and next lesson">
          {page.previous ? <Link to={`/courses/${page.course.slug}/${page.previous.slug}`}>← {page.previous.title}</Link> : <span />}
          {page.next ? (
            <Link to={`/courses/${page.course.slug}/${page.next.slug}`}>{page.next.title} →</Link>
          ) : (
            <Link to={`/courses/${page.course.slug}`}>Back to the course →</Link>
          )}
        </nav>
      </article>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
