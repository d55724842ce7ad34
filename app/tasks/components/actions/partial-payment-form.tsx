import { useMemo } from 'react'
import { tasksAbi } from '#contracts-abi/Tasks'
import { partialPaymentSchema } from '~/tasks/forms'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import type { TaskWriteContext } from '~/tasks/task-write-context'

import { rewardDefaults, RewardPartsFields, type RewardEntry } from './reward-parts'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TaskFormTarget } from '~/tasks/components/task-form-target'

/** The manager pays part of the executor's reward now; it comes off the reward and the budget. */
export function PartialPaymentForm({ ctx, entries }: { ctx: TaskWriteContext; entries: RewardEntry[] }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const schema = useMemo(() => partialPaymentSchema(decimalsOf(entries)), [entries])
  const [form, fields] = useWriteForm({
    id: 'partial-payment',
    schema,
    flow,
    stores: false,
    defaultValue: rewardDefaults(entries),
    steps: (value) => [
      {
        label: 'Pay part of the reward',
        write: contractWrite(tasksAbi, ctx.contracts.tasks, 'partialPayment', [BigInt(ctx.taskId), value.partialNative, value.partialTokens]),
      },
    ],
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Partial payment">
      <TaskFormTarget intent="partial-payment" ctx={ctx} />
      <RewardPartsFields entries={entries} native={fields.partialNative.getFieldList()} tokens={fields.partialTokens.getFieldList()} verb="Pay now" />
      <WriteFormFooter form={form} flow={flow} label="Send the partial payment" secondary withMetadata={false} />
    </form>
  )
}

export function decimalsOf(entries: RewardEntry[]) {
  return {
    native: entries.filter((e) => e.kind === 'native').map((e) => e.decimals),
    tokens: entries.filter((e) => e.kind === 'token').map((e) => e.decimals),
  }
}
