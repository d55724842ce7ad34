import { useMemo } from 'react'
import { useConfig, useConnection } from 'wagmi'
import { tasksAbi } from '#contracts-abi/Tasks'
import { approveSteps } from '~/chain-writes/erc20-approve'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { budgetDecimals } from '~/tasks/decimals'
import { increaseBudgetSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import { tokenInfo } from '~/utils/tokens'

/** Top up the escrow: ETH sent with the call, each ERC-20 approved first when needed. */
export function IncreaseBudgetForm({ ctx }: { ctx: TaskWriteContext }) {
  const config = useConfig()
  const { address } = useConnection()
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const schema = useMemo(() => increaseBudgetSchema(budgetDecimals(ctx.budgetTokens, ctx.known)), [ctx.budgetTokens, ctx.known])
  const [form, fields] = useWriteForm({
    id: 'increase-budget',
    schema,
    flow,
    stores: false,
    defaultValue: { tokenIncreases: ctx.budgetTokens.map(() => '') },
    steps: async (value) => {
      if (!address) throw new Error('Connect your wallet first.')
      const approvals = []
      for (const [index, token] of ctx.budgetTokens.entries()) {
        approvals.push(
          ...(await approveSteps(config, {
            chainId: ctx.chainId,
            owner: address,
            token: token as `0x${string}`,
            spender: ctx.contracts.tasks,
            amount: value.tokenIncreases[index] ?? 0n,
            known: ctx.known,
          })),
        )
      }
      return [
        ...approvals,
        {
          label: 'Increase the budget',
          write: contractWrite(
            tasksAbi,
            ctx.contracts.tasks,
            'increaseBudget',
            [BigInt(ctx.taskId), value.tokenIncreases],
            value.nativeIncrease,
          ),
        },
      ]
    },
  })
  const increases = fields.tokenIncreases.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Increase the budget">
      <TaskFormTarget intent="increase-budget" ctx={ctx} />
      <TextField meta={fields.nativeIncrease} label="Add ETH" inputMode="decimal" placeholder="0" />
      {increases.map((meta, index) => (
        <TextField
          key={meta.key}
          meta={meta}
          label={`Add ${tokenInfo(ctx.budgetTokens[index] ?? null, ctx.known).symbol}`}
          inputMode="decimal"
          placeholder="0"
        />
      ))}
      <WriteFormFooter form={form} flow={flow} label="Increase budget" secondary withMetadata={false} />
    </form>
  )
}
