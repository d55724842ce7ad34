import { Link } from '@remix-run/react'
import { useMemo } from 'react'
import { useConnection } from 'wagmi'
import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextAreaField, TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { budgetDecimals } from '~/tasks/decimals'
import { applySchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import { tokenInfo } from '~/utils/tokens'

export type CourseGateView = { title: string; href: string; completed: boolean; known: boolean } | null

/** Apply for an open task: a plan, a background, and the reward asked for in each budget token. */
export function ApplyForm({ ctx, gate }: { ctx: TaskWriteContext; gate: CourseGateView }) {
  const { address } = useConnection()
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const schema = useMemo(() => applySchema(budgetDecimals(ctx.budgetTokens, ctx.known)), [ctx.budgetTokens, ctx.known])
  const [form, fields] = useWriteForm({
    id: 'apply',
    schema,
    flow,
    stores: true,
    defaultValue: { tokenRewards: ctx.budgetTokens.map(() => '') },
    steps: (value, uri) => {
      if (!address) throw new Error('Connect your wallet to apply.')
      return [
        {
          label: 'Apply',
          write: contractWrite(tasksAbi, ctx.contracts.tasks, 'applyForTask', [
            BigInt(ctx.taskId),
            uri ?? '',
            value.nativeReward > 0n ? [{ to: address, amount: value.nativeReward }] : [],
            value.tokenRewards.map((amount) => ({ nextToken: true, to: address, amount })),
          ]),
        },
      ]
    },
  })

  if (gate && !gate.completed) {
    return (
      <div className="notice" role="note">
        <p>
          Applying needs the course <Link to={gate.href}>{gate.title}</Link>
          {gate.known ? ': complete it first, then come back.' : ', which this portal does not offer.'}
        </p>
      </div>
    )
  }

  const tokenRewards = fields.tokenRewards.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Apply for this task">
      <TaskFormTarget intent="apply" ctx={ctx} />
      <TextAreaField meta={fields.plan} label="Plan" hint="How you will do the task, in Markdown." />
      <TextAreaField meta={fields.background} label="Background" hint="Relevant experience (optional)." rows={3} />
      <TextField meta={fields.teamSize} label="Team size" type="number" inputMode="numeric" placeholder="1" />
      <TextField meta={fields.nativeReward} label="Reward asked (ETH)" inputMode="decimal" placeholder="0" />
      {tokenRewards.map((meta, index) => (
        <TextField
          key={meta.key}
          meta={meta}
          label={`Reward asked (${tokenInfo(ctx.budgetTokens[index] ?? null, ctx.known).symbol})`}
          inputMode="decimal"
          placeholder="0"
        />
      ))}
      <WriteFormFooter form={form} flow={flow} label="Apply" />
    </form>
  )
}
