import { useMemo } from 'react'
import { escrowTransferSteps } from '~/chain-writes/escrow-transfer'
import { useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { topUpRfpSchema } from '~/rfps/forms'
import type { RfpWriteContext } from '~/rfps/rfp-write-context'
import { RfpFormTarget } from './rfp-form-target'
import { budgetDecimals } from '~/tasks/decimals'
import { nativeToken, tokenInfo } from '~/utils/tokens'

// Anyone tops up an RFP as the openrd-frontend does: plain transfers into its escrow (the
// native currency sent, each ERC-20 transferred), which accepts them and emits nothing.

export function TopUpRfpForm({ ctx }: { ctx: RfpWriteContext }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const native = nativeToken(ctx.known.chainId)
  const schema = useMemo(() => topUpRfpSchema(budgetDecimals(ctx.budgetTokens, ctx.known)), [ctx.budgetTokens, ctx.known])
  const [form, fields] = useWriteForm({
    id: 'top-up-rfp',
    schema,
    flow,
    stores: false,
    defaultValue: { tokenAmounts: ctx.budgetTokens.map(() => '') },
    steps: (value) =>
      escrowTransferSteps({ escrow: ctx.escrow, what: 'the RFP’s escrow', nativeAmount: value.nativeAmount, tokenAmounts: value.tokenAmounts, tokens: ctx.budgetTokens, known: ctx.known }),
  })
  const amounts = fields.tokenAmounts.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Top up the RFP">
      <RfpFormTarget intent="top-up-rfp" ctx={ctx} />
      <div className="row">
        <TextField meta={fields.nativeAmount} label={`Add ${native.symbol}`} inputMode="decimal" placeholder="0" />
        {amounts.map((meta, index) => (
          <TextField key={meta.key} meta={meta} label={`Add ${tokenInfo(ctx.budgetTokens[index] ?? null, ctx.known).symbol}`} inputMode="decimal" placeholder="0" />
        ))}
      </div>
      <WriteFormFooter form={form} flow={flow} label="Top up" secondary withMetadata={false} />
    </form>
  )
}
