import { useMemo } from 'react'
import { openTokenAbi } from '#contracts-abi/OpenToken'
import { contractWrite, nativeTransfer, useTxFlow, type WriteStep } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { topUpRfpSchema } from '~/rfps/forms'
import type { RfpWriteContext } from '~/rfps/rfp-write-context'
import { budgetDecimals } from '~/tasks/decimals'
import { formatTokenAmount, nativeToken, tokenInfo } from '~/utils/tokens'

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
    steps: (value) => {
      const steps: WriteStep[] = []
      if (value.nativeAmount > 0n) {
        steps.push({ label: `Send ${formatTokenAmount(value.nativeAmount, native)} to the RFP’s escrow`, write: nativeTransfer(ctx.escrow, value.nativeAmount) })
      }
      for (const [index, amount] of value.tokenAmounts.entries()) {
        const token = ctx.budgetTokens[index] as `0x${string}` | undefined
        if (!token || amount === 0n) continue
        steps.push({
          label: `Send ${formatTokenAmount(amount, tokenInfo(token, ctx.known))} to the RFP’s escrow`,
          write: contractWrite(openTokenAbi, token, 'transfer', [ctx.escrow, amount]),
        })
      }
      return steps
    },
  })
  const amounts = fields.tokenAmounts.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Top up the RFP">
      <input type="hidden" name="intent" value="top-up-rfp" />
      <input type="hidden" name="chainId" value={ctx.chainId} />
      <input type="hidden" name="rfpId" value={ctx.rfpId} />
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
