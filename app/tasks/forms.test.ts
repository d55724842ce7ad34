import { parseWithZod } from '@conform-to/zod'
import { parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { formData } from '~/testing/portal-harness'
import {
  applySchema,
  createTaskSchema,
  documentOf,
  extendDeadlineSchema,
  increaseBudgetSchema,
  partialPaymentSchema,
  reviewSchema,
} from './forms'
import { taskDocumentSchema } from '#documents/tasks'

const ADA = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'
const DAO = '0x5FbDB2315678afecb367f032d93F642f64180aa3'

const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)

const validTask = {
  intent: 'create-task',
  chainId: '31337',
  title: '  Build the indexer dashboard ',
  description: 'Show **lag** and throughput.',
  tags: 'rust, indexer ,Rust, ',
  projectSize: '40',
  teamSize: '2',
  resources: '',
  'links[0].name': 'Spec',
  'links[0].url': 'https://openmesh.network/spec',
  'links[1].name': '',
  'links[1].url': '',
  deadline: inAYear,
  manager: ADA,
  disputeManager: DAO,
  nativeBudget: '1.5',
  openBudget: '',
  'preapproved[0].applicant': '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  'preapproved[0].nativeReward': '1',
}

describe('createTaskSchema', () => {
  it('parses a complete form into typed values with exact bigint amounts', () => {
    const submission = parseWithZod(formData(validTask), { schema: createTaskSchema })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    const value = submission.value
    expect(value.title).toBe('Build the indexer dashboard')
    expect(value.tags).toEqual([{ tag: 'rust' }, { tag: 'indexer' }])
    expect(value.links).toEqual([{ name: 'Spec', url: 'https://openmesh.network/spec' }])
    expect(value.nativeBudget).toBe(parseEther('1.5'))
    expect(value.openBudget).toBe(0n)
    expect(value.manager).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
    expect(value.deadline).toBe(Date.parse(`${inAYear}T23:59:59Z`) / 1000)
    expect(value.preapproved).toEqual([
      { applicant: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', nativeReward: parseEther('1'), openReward: 0n },
    ])
    const { kind, document } = documentOf(value)
    expect(kind).toBe('task')
    expect(taskDocumentSchema.parse(document)).toEqual(document)
    expect(document).not.toHaveProperty('requiredCourse')
  })

  it('reports each bad field by name', () => {
    const submission = parseWithZod(
      formData({
        ...validTask,
        title: ' ',
        deadline: '2001-01-01',
        manager: '0x1234',
        nativeBudget: '1.0000000000000000001',
        'links[0].url': 'javascript:alert(1)',
        requiredCourse: 'Not A Slug!',
      }),
      { schema: createTaskSchema },
    )
    expect(submission.status).toBe('error')
    const errors = submission.reply().error ?? {}
    expect(Object.keys(errors).sort()).toEqual(
      ['deadline', 'links[0].url', 'manager', 'nativeBudget', 'requiredCourse', 'title'].sort(),
    )
    expect(errors.nativeBudget).toEqual(['At most 18 decimals'])
    expect(errors.deadline).toEqual(['The date must be in the future'])
  })

  it('needs a budget, and preapproved rewards within it', () => {
    const submission = parseWithZod(
      formData({ ...validTask, nativeBudget: '0', 'preapproved[0].nativeReward': '2', 'preapproved[0].openReward': '1' }),
      { schema: createTaskSchema },
    )
    const errors = submission.reply().error ?? {}
    expect(errors.nativeBudget).toEqual(['Fund the task with ETH, OPEN or both'])
    expect(errors['preapproved[0].nativeReward']).toEqual(['Above the ETH budget'])
    expect(errors['preapproved[0].openReward']).toEqual(['Above the OPEN budget'])
  })

  it('refuses amounts that do not fit the contract (uint96)', () => {
    const submission = parseWithZod(formData({ ...validTask, nativeBudget: '100000000000' }), { schema: createTaskSchema })
    expect(submission.reply().error?.nativeBudget).toEqual(['Too large for the contract'])
  })
})

describe('applySchema', () => {
  const schema = applySchema({ native: 18, tokens: [18, 0] })

  it('reads one requested reward per budget token, in the task’s token order', () => {
    const submission = parseWithZod(
      formData({ intent: 'apply', chainId: '31337', taskId: '4', plan: 'I will…', nativeReward: '0.5', 'tokenRewards[1]': '7' }),
      { schema },
    )
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value.nativeReward).toBe(parseEther('0.5'))
    expect(submission.value.tokenRewards).toEqual([0n, 7n])
    expect(submission.value.teamSize).toBe(1)
    expect(documentOf(submission.value)).toEqual({
      kind: 'application',
      document: { teamSize: 1, plan: 'I will…', background: '' },
    })
  })

  it('reports a bad token amount on its own field', () => {
    const submission = parseWithZod(
      formData({ intent: 'apply', chainId: '31337', taskId: '4', plan: 'x', 'tokenRewards[1]': '1.5' }),
      { schema },
    )
    expect(submission.reply().error?.['tokenRewards[1]']).toEqual(['This token has no decimals'])
  })

  it('needs a plan', () => {
    const submission = parseWithZod(formData({ intent: 'apply', chainId: '31337', taskId: '4' }), { schema })
    expect(submission.reply().error?.plan).toEqual(['Explain how you will do the task'])
  })
})

describe('the other task forms', () => {
  it('review: rejecting needs feedback, accepting does not', () => {
    const base = { intent: 'review', chainId: '1', taskId: '2', submissionId: '0' }
    expect(parseWithZod(formData({ ...base, judgement: 'accepted' }), { schema: reviewSchema }).status).toBe('success')
    const rejected = parseWithZod(formData({ ...base, judgement: 'rejected' }), { schema: reviewSchema })
    expect(rejected.reply().error?.feedback).toEqual(['Tell the contributor what to change'])
  })

  it('extend deadline: whole days, at least one', () => {
    const base = { intent: 'extend-deadline', chainId: '1', taskId: '2' }
    const ok = parseWithZod(formData({ ...base, days: '7' }), { schema: extendDeadlineSchema })
    expect(ok.status === 'success' && ok.value.days).toBe(7)
    expect(parseWithZod(formData({ ...base, days: '0' }), { schema: extendDeadlineSchema }).reply().error?.days).toEqual([
      'At least one day',
    ])
  })

  it('increase budget: something must be added', () => {
    const schema = increaseBudgetSchema({ native: 18, tokens: [18] })
    const base = { intent: 'increase-budget', chainId: '1', taskId: '2' }
    expect(parseWithZod(formData(base), { schema }).reply().error?.nativeIncrease).toEqual(['Add to at least one budget'])
    const ok = parseWithZod(formData({ ...base, 'tokenIncreases[0]': '10' }), { schema })
    expect(ok.status === 'success' && ok.value.tokenIncreases).toEqual([parseEther('10')])
  })

  it('partial payment: one part per reward entry', () => {
    const schema = partialPaymentSchema({ native: [18], tokens: [18, 18] })
    const ok = parseWithZod(
      formData({ intent: 'partial-payment', chainId: '1', taskId: '2', 'partialNative[0]': '0.1', 'partialTokens[1]': '3' }),
      { schema },
    )
    expect(ok.status).toBe('success')
    if (ok.status !== 'success') return
    expect(ok.value.partialNative).toEqual([parseEther('0.1')])
    expect(ok.value.partialTokens).toEqual([0n, parseEther('3')])
  })
})
