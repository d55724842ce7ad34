import { useMemo } from 'react'
import { escrowTransferSteps } from '~/chain-writes/escrow-transfer'
import { useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { budgetDecimals } from '~/tasks/decimals'
import { donateSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import { nativeToken, tokenInfo } from '~/utils/tokens'

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
    steps: (value) =>
      escrowTransferSteps({ escrow: escrow, what: 'the task’s escrow', nativeAmount: value.nativeAmount, tokenAmounts: value.tokenAmounts, tokens: ctx.budgetTokens, known: ctx.known }),
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
