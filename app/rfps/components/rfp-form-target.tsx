import type { RfpWriteContext } from '~/rfps/rfp-write-context'

/** The hidden fields naming an RFP form's write (`intent`) and its RFP, which POST /ipfs reads. */
export function RfpFormTarget({ intent, ctx }: { intent: string; ctx: Pick<RfpWriteContext, 'chainId' | 'rfpId'> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="chainId" value={ctx.chainId} />
      <input type="hidden" name="rfpId" value={ctx.rfpId} />
    </>
  )
}
