import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { configurePortalEnv, PORTAL_ORIGIN } from '~/testing/portal-harness'
import { useTempDatabase } from '../../test/setup'
import { FIXTURE, writeFixtureCourses } from './testing/course-fixtures'

// The course routes as Remix calls them: loaders and actions with real requests, a real
// session cookie and a real SQLite file. What the browser receives is asserted here.

const database = useTempDatabase()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courses-pages-'))
// No ISSUER_PRIVATE_KEY: the development issuer key is generated into DATA_DIR on first use.
configurePortalEnv({ databasePath: database.path, anvilPort: 1, dataDir, ISSUER_PRIVATE_KEY: '', COURSES_DIR: writeFixtureCourses(), MDX_CACHE_DIR: path.join(dataDir, 'mdx') })

const lessonRoute = await import('~/routes/courses.$course.$lesson')
const courseRoute = await import('~/routes/courses.$course._index')
const catalogRoute = await import('~/routes/courses._index')
const certificateRoute = await import('~/routes/certificates.$id')
const requestsRoute = await import('~/routes/dao.requests')
const profileRoute = await import('~/routes/contributors.$address')
const { getDb } = await import('~/db.server')
const { createSession } = await import('~/models/sessions.server')
const { getSessionSettings } = await import('~/session/settings.server')
const { serializeSessionCookie } = await import('~/session/cookies.server')

const learner = privateKeyToAccount(generatePrivateKey()).address

async function signedInCookie(address: `0x${string}`): Promise<string> {
  const { idleMs, maxMs } = getSessionSettings()
  const { token } = createSession(getDb(), { address, chainId: 31337, lifetimes: { idleMs, maxMs } })
  return (await serializeSessionCookie(token)).split(';')[0]!
}
const cookie = await signedInCookie(learner)

function get(pathname: string, options: { cookie?: string } = {}) {
  return new Request(new URL(pathname, PORTAL_ORIGIN), { headers: options.cookie ? { Cookie: options.cookie } : {} })
}

function post(pathname: string, values: Record<string, string | string[]>, options: { cookie?: string; origin?: string | null } = {}) {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) body.append(key, item)
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
  if (options.origin !== null) headers.Origin = options.origin ?? PORTAL_ORIGIN
  if (options.cookie) headers.Cookie = options.cookie
  return new Request(new URL(pathname, PORTAL_ORIGIN), { method: 'POST', headers, body })
}

/** Runs a loader/action; a thrown Response or data() becomes { status, body }. */
async function run<T>(fn: () => Promise<T>): Promise<{ status: number; body: unknown; headers?: Headers }> {
  const settle = async (value: unknown) => {
    if (value instanceof Response) return { status: value.status, body: await value.text(), headers: value.headers }
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
      const { data, init } = value as { data: unknown; init: ResponseInit | null }
      return { status: init?.status ?? 200, body: data, headers: new Headers(init?.headers) }
    }
    return { status: 200, body: value }
  }
  try {
    return await settle(await fn())
  } catch (thrown) {
    if (thrown instanceof Error) throw thrown
    return settle(thrown)
  }
}

afterAll(() => {
  vi.useRealTimers()
})

const lessonArgs = (request: Request, lesson = 'first', course = 'basics') => ({ request, params: { course, lesson }, context: {} })
const submitFirst = (answers: Record<string, string[]>, options: { cookie?: string; origin?: string | null } = { cookie }) =>
  run(() => lessonRoute.action(lessonArgs(post('/courses/basics/first', { intent: 'quiz', quizId: 'first', ...answers }, options))))

describe('a lesson, read anonymously', () => {
  it('has the compiled lesson and the questions, but no answers and no explanations', async () => {
    const { status, body } = await run(() => lessonRoute.loader(lessonArgs(get('/courses/basics/first'))))
    expect(status).toBe(200)
    const page = body as Awaited<ReturnType<typeof lessonRoute.loader>>
    expect(page.signedIn).toBe(false)
    expect(page.code).toContain('The sky is blue')
    expect(page.quiz?.questions.map((question) => question.id)).toEqual(['q1', 'q2'])
    const json = JSON.stringify(page)
    expect(json).not.toMatch(/"correct"/)
    expect(json).not.toContain(FIXTURE.basics.first.explanation)
    expect(page.attempt).toBeNull()
  })

  it('is a 404 for an unknown course or lesson, and for malformed params', async () => {
    expect((await run(() => lessonRoute.loader(lessonArgs(get('/courses/basics/nope'), 'nope')))).status).toBe(404)
    expect((await run(() => lessonRoute.loader(lessonArgs(get('/courses/nope/first'), 'first', 'nope')))).status).toBe(404)
    expect((await run(() => lessonRoute.loader(lessonArgs(get('/courses/x/y'), '../../etc', 'basics')))).status).toBe(404)
    expect((await run(() => courseRoute.loader({ request: get('/courses/NOPE'), params: { course: 'NOPE' }, context: {} }))).status).toBe(404)
  })

  it('cannot be graded without signing in: the action sends the reader to sign in', async () => {
    const result = await submitFirst(FIXTURE.basics.first.right, {})
    expect(result.status).toBe(302)
    expect(result.headers?.get('Location')).toBe('/sign-in?redirectTo=%2Fcourses%2Fbasics%2Ffirst')
  })
})

describe('a quiz, signed in', () => {
  it('refuses a cross-origin post', async () => {
    expect((await submitFirst(FIXTURE.basics.first.right, { cookie, origin: 'https://evil.example' })).status).toBe(403)
  })

  it('answers bad submissions with 400 and a message, never a 500', async () => {
    const unanswered = await submitFirst({ 'answer.q1': ['b'] })
    expect(unanswered).toMatchObject({ status: 400, body: { ok: false, unanswered: ['q2'] } })
    const unknownChoice = await submitFirst({ 'answer.q1': ['z'], 'answer.q2': ['a'] })
    expect(unknownChoice.status).toBe(400)
    const wrongQuiz = await run(() =>
      lessonRoute.action(lessonArgs(post('/courses/basics/first', { intent: 'quiz', quizId: 'second', ...FIXTURE.basics.first.right }, { cookie }))),
    )
    expect(wrongQuiz.status).toBe(400)
    const noIntent = await run(() => lessonRoute.action(lessonArgs(post('/courses/basics/first', { quizId: 'first' }, { cookie }))))
    expect(noIntent).toMatchObject({ status: 400, body: { ok: false, message: 'Unknown action.' } })
    const notAForm = await run(() =>
      lessonRoute.action(
        lessonArgs(new Request(new URL('/courses/basics/first', PORTAL_ORIGIN), { method: 'POST', headers: { Origin: PORTAL_ORIGIN, Cookie: cookie, 'Content-Type': 'application/json' }, body: '{"x":1}' })),
      ),
    )
    expect(notAForm.status).toBe(400)
  })

  it('grades a failed attempt: the score only, no explanations, no answer key, then a cool-down', async () => {
    const result = await submitFirst(FIXTURE.basics.first.wrong)
    expect(result).toMatchObject({ status: 200, body: { ok: true, courseCompleted: false, attempt: { passed: false, scorePercent: 0, results: [] } } })
    const json = JSON.stringify(result.body)
    expect(json).not.toContain(FIXTURE.basics.first.explanation)
    expect(json).not.toContain(FIXTURE.basics.first.correctText)
    // Straight away again, even with the right answers: refused ungraded, with when to come back.
    const again = await submitFirst(FIXTURE.basics.first.right)
    expect(again).toMatchObject({ status: 429, body: { ok: false, message: expect.stringMatching(/again in 30 seconds/) } })
    expect(Number(again.headers?.get('Retry-After'))).toBeGreaterThanOrEqual(29)
    // The reloaded page shows the attempt, with the learner's own answers.
    const { body } = await run(() => lessonRoute.loader(lessonArgs(get('/courses/basics/first', { cookie }))))
    const page = body as Awaited<ReturnType<typeof lessonRoute.loader>>
    expect(page.attempt).toMatchObject({ passed: false, answers: { q1: ['a'], q2: ['a'] } })
    expect(page.attemptCount).toBe(1)
    expect(page.retryIn).toMatch(/^(30|29) seconds$/)
    expect(JSON.stringify(page)).not.toContain(FIXTURE.basics.first.explanation)
    expect(JSON.stringify(page.quiz)).not.toMatch(/correct/i)
  })

  it('passes, then finishing the last lesson issues a certificate the certificate page verifies', async () => {
    // Past the cool-down the failed attempt above started.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 })
    expect(await submitFirst(FIXTURE.basics.first.right)).toMatchObject({ status: 200, body: { ok: true, attempt: { passed: true } } })
    const last = await run(() =>
      lessonRoute.action(lessonArgs(post('/courses/basics/second', { intent: 'quiz', quizId: 'second', ...FIXTURE.basics.second.right }, { cookie }), 'second')),
    )
    expect(last).toMatchObject({ status: 200, body: { ok: true, courseCompleted: true } })
    const certificateId = (last.body as { certificateId: string }).certificateId

    const certificate = await run(() => certificateRoute.loader({ request: get(`/certificates/${certificateId}`), params: { id: certificateId }, context: {} }))
    expect(certificate).toMatchObject({
      status: 200,
      body: { courseSlug: 'basics', learner, verification: { signatureValid: true, idMatches: true, issuedByThisPortal: true } },
    })
    const typedData = JSON.parse((certificate.body as { typedDataJson: string }).typedDataJson)
    expect(typedData).toMatchObject({ primaryType: 'Certificate', domain: { name: 'Opencircle Certificates', version: '1' }, message: { course: 'basics', learner } })
    // The dev issuer key was generated into DATA_DIR.
    expect(fs.existsSync(path.join(dataDir, 'issuer-key'))).toBe(true)

    const catalog = await run(() => catalogRoute.loader({ request: get('/courses', { cookie }), params: {}, context: {} }))
    const courses = (catalog.body as Awaited<ReturnType<typeof catalogRoute.loader>>).courses
    expect(courses.find((course) => course.slug === 'basics')?.progress).toMatchObject({ percent: 100, certificateId })

    const profile = await run(() => profileRoute.loader({ request: get(`/contributors/${learner}`), params: { address: learner.toLowerCase() }, context: {} }))
    expect(profile).toMatchObject({ status: 200, body: { address: learner, certificates: [{ id: certificateId, courseTitle: 'The basics' }] } })
  })

  it('certificate and profile pages are 404s for unknown or malformed ids', async () => {
    const missing = `0x${'ab'.repeat(32)}`
    expect((await run(() => certificateRoute.loader({ request: get(`/certificates/${missing}`), params: { id: missing }, context: {} }))).status).toBe(404)
    expect((await run(() => certificateRoute.loader({ request: get('/certificates/123'), params: { id: '123' }, context: {} }))).status).toBe(404)
    expect((await run(() => profileRoute.loader({ request: get('/contributors/bob'), params: { address: 'bob' }, context: {} }))).status).toBe(404)
  })
})

describe('membership requests', () => {
  it('are refused until the path is finished, then filed and listed', async () => {
    const early = await run(() => requestsRoute.action({ request: post('/dao/requests', { intent: 'request', note: 'hi' }, { cookie }), params: {}, context: {} }))
    expect(early).toMatchObject({ status: 400, body: { ok: false } })
    await run(() =>
      lessonRoute.action(lessonArgs(post('/courses/advanced/only', { intent: 'quiz', quizId: 'only', 'answer.one': 'a' }, { cookie }), 'only', 'advanced')),
    )
    const tooLong = await run(() => requestsRoute.action({ request: post('/dao/requests', { intent: 'request', note: 'x'.repeat(1001) }, { cookie }), params: {}, context: {} }))
    expect(tooLong.status).toBe(400)
    const filed = await run(() =>
      requestsRoute.action({ request: post('/dao/requests', { intent: 'request', note: '<b>I review Rust</b>' }, { cookie }), params: {}, context: {} }),
    )
    expect(filed).toMatchObject({ status: 200, body: { ok: true } })
    const again = await run(() => requestsRoute.action({ request: post('/dao/requests', { intent: 'request' }, { cookie }), params: {}, context: {} }))
    expect(again.status).toBe(409)
    const list = await run(() => requestsRoute.loader({ request: get('/dao/requests'), params: {}, context: {} }))
    const { requests } = list.body as Awaited<ReturnType<typeof requestsRoute.loader>>
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ address: learner, note: '<b>I review Rust</b>', status: 'open' })
    expect(requests[0]!.record.courses).toHaveLength(2)
  })
})
