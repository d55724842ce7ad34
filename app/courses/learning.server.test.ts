import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { hashTypedData, verifyTypedData } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, it } from 'vitest'
import { taskApplications, tasks } from '#db/schema'
import { getCertificate, listCertificates } from '~/models/certificates.server'
import { getCatalogProgress, getCourseProgress, hasCompletedCourseIn } from '~/models/course-progress.server'
import { fileMembershipRequest, getCompletedTasks, getPathStatus, listMembershipRequests } from '~/models/membership-requests.server'
import { getLatestAttempt } from '~/models/quiz-attempts.server'
import { formData } from '~/testing/portal-harness'
import { useTempDatabase } from '../../test/setup'
import { loadCatalog } from './catalog.server'
import { verifyCertificate } from './certificate-signing.server'
import { resolveIssuerKey } from './issuer.server'
import { submitQuiz } from './submit-quiz.server'
import { FIXTURE, writeFixtureCourses } from './testing/course-fixtures'

const { db } = useTempDatabase()
const catalog = loadCatalog(writeFixtureCourses())
const basics = catalog.courses.find((course) => course.slug === 'basics')!
const advanced = catalog.courses.find((course) => course.slug === 'advanced')!
const issuer = privateKeyToAccount(generatePrivateKey())
const learner = privateKeyToAccount(generatePrivateKey()).address

// The learners' clock: each test starts a day after the last, past any cool-down it left.
let now = Date.now()
beforeEach(() => {
  now += 86_400_000
})
const submit = (course: typeof basics, lessonIndex: number, answers: Record<string, string | string[]>, address = learner) =>
  submitQuiz({ db, address, course, lesson: course.lessons[lessonIndex]!, formData: formData({ quizId: course.lessons[lessonIndex]!.quiz!.id, ...answers }), issuer, now })

describe('taking a course', () => {
  it('stores a failed attempt, shows only its score, and the lesson stays undone', async () => {
    const outcome = await submit(basics, 0, FIXTURE.basics.first.wrong)
    expect(outcome).toMatchObject({ ok: true, courseCompleted: false, certificateId: null, attempt: { passed: false, scorePercent: 0, results: [] } })
    expect(getCourseProgress(db, learner, basics)).toMatchObject({ done: 0, percent: 0, resumeLesson: 'first' })
    const latest = getLatestAttempt(db, learner, 'basics', basics.lessons[0]!.quiz!, now)
    expect(latest).toMatchObject({ results: [], answers: { q1: ['a'], q2: ['a'] }, nextAttemptAt: now + 30_000 })
    expect(JSON.stringify(latest)).not.toContain(FIXTURE.basics.first.explanation)
  })

  it('refuses a sheet for another quiz or with unanswered questions, storing nothing', async () => {
    const lesson = basics.lessons[0]!
    const other = await submitQuiz({ db, address: learner, course: basics, lesson, formData: formData({ quizId: 'second', ...FIXTURE.basics.first.right }), issuer })
    expect(other).toMatchObject({ ok: false })
    const partial = await submit(basics, 0, { 'answer.q1': 'b' })
    expect(partial).toMatchObject({ ok: false, unanswered: ['q2'] })
    expect(getLatestAttempt(db, learner, 'basics', lesson.quiz!)?.passed).toBe(false)
  })

  it('marks the lesson done on a pass and resumes at the next lesson', async () => {
    const outcome = await submit(basics, 0, FIXTURE.basics.first.right)
    expect(outcome).toMatchObject({ ok: true, courseCompleted: false, attempt: { passed: true, scorePercent: 100, nextAttemptAt: null } })
    // After a pass: right or wrong and the explanation of every question.
    expect(outcome.ok && outcome.attempt.results[0]).toEqual({ questionId: 'q1', correct: true, explanation: `${FIXTURE.basics.first.explanation}.` })
    expect(getCourseProgress(db, learner, basics)).toMatchObject({ done: 1, total: 2, percent: 50, resumeLesson: 'second', certificateId: null })
    expect(hasCompletedCourseIn(db, learner, 'basics')).toBe(false)
  })

  it('completes the course with the last quiz and issues one signed certificate', async () => {
    const outcome = await submit(basics, 1, FIXTURE.basics.second.right)
    expect(outcome).toMatchObject({ ok: true, courseCompleted: true })
    const id = outcome.ok ? outcome.certificateId! : ''
    expect(id).toMatch(/^0x[0-9a-f]{64}$/)
    expect(getCourseProgress(db, learner, basics)).toMatchObject({ done: 2, percent: 100, resumeLesson: null, certificateId: id })
    expect(hasCompletedCourseIn(db, learner, 'basics')).toBe(true)
    expect(hasCompletedCourseIn(db, learner.toLowerCase(), 'basics')).toBe(true)
    expect(getCatalogProgress(db, learner, catalog.courses)).toMatchObject({ basics: { percent: 100 }, advanced: { percent: 0 } })

    // Passing again (e.g. a retake) neither fails nor issues a second certificate.
    const again = await submit(basics, 1, FIXTURE.basics.second.right)
    expect(again).toMatchObject({ ok: true, courseCompleted: false, certificateId: null })
    expect(listCertificates(db, learner)).toHaveLength(1)
  })
})

describe('certificates', () => {
  it('can be recomputed and verified from the stored values alone', async () => {
    const [row] = listCertificates(db, learner)
    expect(row).toBeDefined()
    // Built here by hand, as an outside verifier would, from what /certificates/:id shows.
    const typedData = {
      domain: { name: 'Opencircle Certificates', version: '1' },
      types: {
        Certificate: [
          { name: 'course', type: 'string' },
          { name: 'courseVersion', type: 'bytes32' },
          { name: 'learner', type: 'address' },
          { name: 'issuedAt', type: 'uint64' },
        ],
      },
      primaryType: 'Certificate',
      message: { course: 'basics', courseVersion: basics.version, learner, issuedAt: BigInt(row!.issuedAt) },
    } as const
    expect(hashTypedData(typedData)).toBe(row!.id)
    expect(row!.issuer).toBe(issuer.address)
    expect(await verifyTypedData({ ...typedData, address: issuer.address, signature: row!.signature as `0x${string}` })).toBe(true)
    const forged = { ...typedData, message: { ...typedData.message, course: 'advanced' } }
    expect(await verifyTypedData({ ...forged, address: issuer.address, signature: row!.signature as `0x${string}` })).toBe(false)
  })

  it('verifies server-side, and a tampered row fails', async () => {
    const row = getCertificate(db, listCertificates(db, learner)[0]!.id)!
    expect(await verifyCertificate(row, issuer.address)).toEqual({
      signatureValid: true,
      recovered: issuer.address,
      idMatches: true,
      issuedByThisPortal: true,
    })
    const tampered = await verifyCertificate({ ...row, issuedAt: row.issuedAt + 1 }, issuer.address)
    expect(tampered).toMatchObject({ signatureValid: false, idMatches: false })
    const otherPortal = await verifyCertificate(row, privateKeyToAccount(generatePrivateKey()).address)
    expect(otherPortal).toMatchObject({ signatureValid: true, issuedByThisPortal: false })
  })

  it('issuer key: the environment wins; otherwise one key is generated (0600) and reused; production requires it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuer-'))
    const explicit = generatePrivateKey()
    expect(resolveIssuerKey({ privateKey: explicit, dataDir, production: true })).toBe(explicit)
    const generated = resolveIssuerKey({ dataDir, production: false })
    expect(generated).toMatch(/^0x[0-9a-f]{64}$/)
    expect(fs.statSync(path.join(dataDir, 'issuer-key')).mode & 0o777).toBe(0o600)
    expect(resolveIssuerKey({ dataDir, production: false })).toBe(generated)
    expect(() => resolveIssuerKey({ dataDir, production: true })).toThrow(/ISSUER_PRIVATE_KEY is required in production/)
  })
})

describe('membership requests', () => {
  it('are only accepted once the whole path is finished, once per address', async () => {
    expect(getPathStatus(db, learner, catalog).complete).toBe(false)
    expect(fileMembershipRequest(db, { address: learner, note: '', catalog, chainId: 31337 })).toMatchObject({ ok: false, status: 400 })

    await submit(advanced, 0, { 'answer.one': 'a' })
    expect(getPathStatus(db, learner, catalog).complete).toBe(true)
    const filed = fileMembershipRequest(db, { address: learner, note: 'I would like to help review tasks.', catalog, chainId: 31337 })
    expect(filed).toMatchObject({ ok: true })
    expect(fileMembershipRequest(db, { address: learner, note: '', catalog, chainId: 31337 })).toMatchObject({ ok: false, status: 409 })

    const [request] = listMembershipRequests(db, { limit: 10 })
    expect(request).toMatchObject({ address: learner, status: 'open', note: 'I would like to help review tasks.' })
    expect(request!.record.courses.map((course) => course.slug).sort()).toEqual(['advanced', 'basics'])
    expect(request!.record.courses.every((course) => /^0x[0-9a-f]{64}$/.test(course.certificateId))).toBe(true)
    expect(request!.record.tasks).toEqual([])
  })
})

describe("a learner's completed tasks", () => {
  it('are the closed, completed tasks whose executor application is theirs, on this chain', () => {
    const someoneElse = privateKeyToAccount(generatePrivateKey()).address.toLowerCase()
    const task = (taskId: number, outcome: 'completed' | 'cancelled' | null, chainId = 31337) => ({
      chainId, taskId, metadataUri: `ipfs://task-${taskId}`, title: `Task ${taskId}`, deadline: 0, manager: someoneElse, disputeManager: someoneElse,
      creator: someoneElse, state: outcome ? ('closed' as const) : ('taken' as const), escrow: someoneElse, nativeBudget: '0', createdBlock: 1,
      createdAt: 1, executorApplicationId: 0, outcome, closedAt: outcome ? taskId : null, updatedBlock: 1, updatedAt: 1,
    })
    const application = (taskId: number, applicant: string, chainId = 31337) => ({
      chainId, taskId, applicationId: 0, applicant, metadataUri: '', accepted: true, nativeReward: [], reward: [], createdBlock: 1, createdAt: 1,
    })
    db.insert(tasks).values([task(1, 'completed'), task(2, 'cancelled'), task(3, null), task(4, 'completed'), task(5, 'completed', 1)]).run()
    db.insert(taskApplications)
      .values([application(1, learner.toLowerCase()), application(2, learner.toLowerCase()), application(3, learner.toLowerCase()), application(4, someoneElse), application(5, learner.toLowerCase(), 1)])
      .run()
    expect(getCompletedTasks(db, learner, 31337)).toEqual([{ chainId: 31337, taskId: 1, title: 'Task 1' }])
  })
})

describe('a blind solver', () => {
  // Every answer sheet of the first quiz: q1 has 2 choices (one right), q2 3 (any non-empty set).
  const sheets = ['a', 'b'].flatMap((q1) =>
    [['a'], ['b'], ['c'], ['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']].map((q2) => ({ 'answer.q1': [q1], 'answer.q2': q2 })),
  )
  // The right sheet last: the worst case for the solver, the one the cool-downs must slow down.
  const ordered = [...sheets.filter((sheet) => JSON.stringify(sheet) !== JSON.stringify(FIXTURE.basics.first.right)), FIXTURE.basics.first.right]

  it('submitting every combination at once gets one sheet graded, the others refused until the cool-down ends', async () => {
    const solver = privateKeyToAccount(generatePrivateKey()).address
    const outcomes = await Promise.all(ordered.map((sheet) => submit(basics, 0, sheet, solver)))
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
    const refused = outcomes.filter((outcome) => !outcome.ok)
    expect(refused).toHaveLength(ordered.length - 1)
    for (const outcome of refused) expect(outcome).toMatchObject({ ok: false, retryAt: now + 30_000, message: expect.stringMatching(/try this quiz again in 30 seconds/) })
    expect(getCourseProgress(db, solver, basics)).toMatchObject({ done: 0 })
  })

  it('needs days of waiting for 11 tries, and no failed attempt tells it which answers were right', async () => {
    const solver = privateKeyToAccount(generatePrivateKey()).address
    let clock = now
    let passedOnTry: number | null = null
    for (const [index, sheet] of ordered.entries()) {
      // Submits the moment it may: first too early (refused), then at the time it was told.
      const early = await submitQuiz({ db, address: solver, course: basics, lesson: basics.lessons[0]!, formData: formData({ quizId: 'first', ...sheet }), issuer, now: clock })
      let outcome = early
      if (!early.ok) {
        expect(early.retryAt).toBeGreaterThan(clock)
        clock = early.retryAt!
        outcome = await submitQuiz({ db, address: solver, course: basics, lesson: basics.lessons[0]!, formData: formData({ quizId: 'first', ...sheet }), issuer, now: clock })
      }
      expect(outcome.ok).toBe(true)
      if (!outcome.ok) break
      if (outcome.attempt.passed) {
        passedOnTry = index + 1
        break
      }
      // A failed attempt says the score and nothing per question.
      expect(outcome.attempt.results).toEqual([])
      expect(JSON.stringify(outcome)).not.toMatch(/explanation|Because the sky/)
      if (index === 10) expect(clock - now).toBeGreaterThan(4 * 86_400_000)
    }
    expect(passedOnTry).toBe(ordered.length)
    // Ten and more failures in a row: the eleventh try came only after more than four days.
    expect(clock - now).toBeGreaterThan(4 * 86_400_000)
    now = clock
  })

  it('sees which answers were right only where the quiz author allows it, and never the explanations before a pass', async () => {
    const quiz = { ...basics.lessons[0]!.quiz!, feedback: 'per-question' as const }
    const lesson = { ...basics.lessons[0]!, quiz }
    const solver = privateKeyToAccount(generatePrivateKey()).address
    const outcome = await submitQuiz({ db, address: solver, course: basics, lesson, formData: formData({ quizId: 'first', ...FIXTURE.basics.first.wrong }), issuer, now })
    expect(outcome).toMatchObject({
      ok: true,
      attempt: { passed: false, results: [{ questionId: 'q1', correct: false, explanation: null }, { questionId: 'q2', correct: false, explanation: null }] },
    })
  })
})
