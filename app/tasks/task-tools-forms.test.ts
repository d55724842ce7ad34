import { parseWithZod } from '@conform-to/zod'
import { parseEther, parseUnits } from 'viem'
import { describe, expect, it } from 'vitest'
import { actionDocument } from '#documents/governance'
import { taskDocumentSchema } from '#documents/tasks'
import { formData } from '~/testing/portal-harness'
import { donateSchema, draftDocumentOf, draftTaskSchema, increaseRewardSchema, transferManagementSchema } from './forms'

// The schemas of the task tools added for issue 23 (raise a reward, hand over management, donate,
// draft for a department): what they accept in whole units and what each refuses, in words.

const ref = { chainId: '31337', taskId: '4' }
const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)
const errorsOf = (submission: { reply: () => { error?: Record<string, string[] | null> | null } }) => submission.reply().error ?? {}

describe('increaseRewardSchema', () => {
  const schema = increaseRewardSchema({ native: [18], tokens: [6] })
  it('reads one increase per reward entry with its token’s decimals', () => {
    const submission = parseWithZod(formData({ intent: 'increase-reward', ...ref, applicationId: '2', 'nativeIncrease[0]': '0.25', 'tokenIncrease[0]': '1.5' }), { schema })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value.nativeIncrease).toEqual([parseEther('0.25')])
    expect(submission.value.tokenIncrease).toEqual([parseUnits('1.5', 6)])
  })
  it('refuses too many decimals and an increase of nothing', () => {
    expect(errorsOf(parseWithZod(formData({ intent: 'increase-reward', ...ref, applicationId: '2', 'tokenIncrease[0]': '0.0000001' }), { schema }))).toMatchObject({
      'tokenIncrease[0]': ['At most 6 decimals'],
    })
    expect(errorsOf(parseWithZod(formData({ intent: 'increase-reward', ...ref, applicationId: '2' }), { schema }))).toMatchObject({
      nativeIncrease: ['Raise at least one part of the reward'],
    })
  })
})

describe('transferManagementSchema', () => {
  it('takes an address and refuses a malformed one or the zero address', () => {
    const ok = parseWithZod(formData({ intent: 'transfer-management', ...ref, newManager: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' }), { schema: transferManagementSchema })
    expect(ok.status === 'success' && ok.value.newManager).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')
    expect(errorsOf(parseWithZod(formData({ intent: 'transfer-management', ...ref, newManager: '0x7099' }), { schema: transferManagementSchema }))).toMatchObject({
      newManager: ['Enter a 0x address (42 characters)'],
    })
    expect(
      errorsOf(parseWithZod(formData({ intent: 'transfer-management', ...ref, newManager: '0x0000000000000000000000000000000000000000' }), { schema: transferManagementSchema })),
    ).toMatchObject({ newManager: ['A task needs a manager: not the zero address'] })
  })
})

describe('donateSchema', () => {
  const schema = donateSchema({ native: 18, tokens: [18] })
  it('reads a donation and refuses an empty one', () => {
    const ok = parseWithZod(formData({ intent: 'donate', ...ref, nativeAmount: '0.1' }), { schema })
    expect(ok.status === 'success' && ok.value.nativeAmount).toBe(parseEther('0.1'))
    expect(errorsOf(parseWithZod(formData({ intent: 'donate', ...ref, nativeAmount: '0' }), { schema }))).toMatchObject({
      nativeAmount: ['Send something to at least one budget'],
    })
    expect(errorsOf(parseWithZod(formData({ intent: 'donate', ...ref, nativeAmount: '1e18' }), { schema }))).toMatchObject({ nativeAmount: ['Enter an amount like 1.5'] })
  })
})

describe('draftTaskSchema', () => {
  const draft = {
    intent: 'draft-task',
    chainId: '31337',
    department: 'coremember',
    draftTitle: 'Fund the docs sprint',
    draftSummary: 'The docs are behind.',
    title: 'Docs sprint',
    description: 'Write the **runbook**.',
    deadline: inAYear,
    manager: '0x53773D0D0d71fc36cf403D886bc2eb3AC7F5fC24',
    nativeBudget: '0.5',
  }
  it('makes the draft’s action document and the task’s document, both in the frontends’ shapes', () => {
    const action = parseWithZod(formData(draft), { schema: draftTaskSchema })
    const task = parseWithZod(formData({ ...draft, intent: 'draft-task-document' }), { schema: draftTaskSchema })
    if (action.status !== 'success' || task.status !== 'success') throw new Error('expected both to parse')
    const actionDoc = draftDocumentOf(action.value)
    expect(actionDoc).toEqual({ kind: 'action', document: { title: 'Fund the docs sprint', summary: 'The docs are behind.' } })
    expect(actionDocument.write.parse(actionDoc.document)).toEqual(actionDoc.document)
    const taskDoc = draftDocumentOf(task.value)
    expect(taskDoc.kind).toBe('task')
    expect(taskDocumentSchema.parse(taskDoc.document)).toEqual(taskDoc.document)
  })
  it('refuses a draft with no budget, a reward above it, or a reward for nobody', () => {
    expect(errorsOf(parseWithZod(formData({ ...draft, nativeBudget: '' }), { schema: draftTaskSchema }))).toMatchObject({
      nativeBudget: ['The department funds the task: give it a budget'],
    })
    expect(errorsOf(parseWithZod(formData({ ...draft, preapprovedApplicant: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', preapprovedReward: '1' }), { schema: draftTaskSchema }))).toMatchObject({
      preapprovedReward: ['Above the budget'],
    })
    expect(errorsOf(parseWithZod(formData({ ...draft, preapprovedReward: '0.1' }), { schema: draftTaskSchema }))).toMatchObject({
      preapprovedApplicant: ['Name who the reward is for, or leave the reward empty'],
    })
  })
})
