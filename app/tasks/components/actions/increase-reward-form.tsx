import { useMemo } from 'react'
import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { increaseRewardSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import { decimalsOf } from './partial-payment-form'
import type { RewardEntry } from './reward-parts'

/** The manager raises an application's reward, part by part; the budget must still cover it. */
export function IncreaseRewardForm({ ctx, applicationId, entries }: { ctx: TaskWriteContext; applicationId: number; entries: RewardEntry[] }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const schema = useMemo(() => increaseRewardSchema(decimalsOf(entries)), [entries])
  const [form, fields] = useWriteForm({
    id: `increase-reward-${applicationId}`,
    schema,
    flow,
    stores: false,
    defaultValue: {
      nativeIncrease: entries.filter((e) => e.kind === 'native').map(() => ''),
      tokenIncrease: entries.filter((e) => e.kind === 'token').map(() => ''),
    },
    steps: (value) => [
      {
        label: `Increase the reward of application #${applicationId}`,
        write: contractWrite(tasksAbi, ctx.contracts.tasks, 'increaseReward', [BigInt(ctx.taskId), applicationId, value.nativeIncrease, value.tokenIncrease]),
      },
    ],
  })
  const native = fields.nativeIncrease.getFieldList()
  const tokens = fields.tokenIncrease.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label={`Increase the reward of application #${applicationId}`}>
      <TaskFormTarget intent="increase-reward" ctx={ctx} />
      <input type="hidden" name="applicationId" value={applicationId} />
      {entries.length === 0 ? <p className="muted">This application asks for nothing: there is no reward to raise.</p> : null}
      {entries.map((entry) => {
        const meta = entry.kind === 'native' ? native[entry.index] : tokens[entry.index]
        if (!meta) return null
        return (
          <TextField
            key={`${entry.kind}-${entry.index}`}
            meta={meta}
            label={`Add (${entry.symbol})`}
            hint={`Asked now: ${entry.left}. The task’s budget must cover the new reward.`}
            inputMode="decimal"
            placeholder="0"
          />
        )
      })}
      <WriteFormFooter form={form} flow={flow} label="Increase the reward" secondary withMetadata={false} disabled={entries.length === 0} />
    </form>
  )
}
