import { useMemo } from 'react'
import { openTokenAbi } from '#contracts-abi/OpenToken'
import { contractWrite, nativeTransfer, useTxFlow, type WriteStep } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { budgetDecimals } from '~/tasks/decimals'
import { donateSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import { formatTokenAmount, nativeToken, tokenInfo } from '~/utils/tokens'

// Anyone donates to a task as the openrd-frontend allows: a plain transfer to the task's escrow
// (the native currency sent, each budget token transferred). The escrow accepts it silently;
// whatever it holds beyond the rewards goes back to the creator when the task closes.

export function DonateForm({ ctx, escrow }: { ctx: TaskWriteContext; escrow: `0x${string}` }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const native = nativeToken(ctx.known.chainId ?? ctx.chainId)
  const schema = useMemo(() => donateSchema(budgetDecimals(ctx.budgetTokens, ctx.known)), [ctx.budgetTokens, ctx.known])
  const [form, fields] = useWriteForm({
    id: 'donate',
    schema,
    flow,
    stores: false,
    defaultValue: { tokenAmounts: ctx.budgetTokens.map(() => '') },
    steps: (value) => {
      const steps: WriteStep[] = []
      if (value.nativeAmount > 0n) steps.push({ label: `Send ${formatTokenAmount(value.nativeAmount, native)} to the task’s escrow`, write: nativeTransfer(escrow, value.nativeAmount) })
      for (const [index, amount] of value.tokenAmounts.entries()) {
        const token = ctx.budgetTokens[index] as `0x${string}` | undefined
        if (!token || amount === 0n) continue
        steps.push({ label: `Send ${formatTokenAmount(amount, tokenInfo(token, ctx.known))} to the task’s escrow`, write: contractWrite(openTokenAbi, token, 'transfer', [escrow, amount]) })
      }
      return steps
    },
  })
  const amounts = fields.tokenAmounts.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Donate to the task">
      <TaskFormTarget intent="donate" ctx={ctx} />
      <TextField meta={fields.nativeAmount} label={`Donate ${native.symbol}`} inputMode="decimal" placeholder="0" />
      {amounts.map((meta, index) => (
        <TextField key={meta.key} meta={meta} label={`Donate ${tokenInfo(ctx.budgetTokens[index] ?? null, ctx.known).symbol}`} inputMode="decimal" placeholder="0" />
      ))}
      <WriteFormFooter form={form} flow={flow} label="Donate" secondary withMetadata={false} />
    </form>
  )
}
