import { rfpsAbi } from '#contracts-abi/RFPs'
import { contractWrite } from '~/chain-writes/use-tx-flow'
import { WriteButton } from '~/chain-writes/write-button'
import type { RfpWriteContext } from '~/rfps/rfp-write-context'

/** The RFP manager sends everything left in the escrow back to the creator (emptyRFP). */
export function EmptyRfpButton({ ctx }: { ctx: RfpWriteContext }) {
  return (
    <WriteButton
      target={ctx}
      className="secondary"
      confirm="Everything left in the RFP’s escrow goes back to its creator, and no more projects can be funded from it. Continue?"
      steps={() => [{ label: 'Empty the RFP', write: contractWrite(rfpsAbi, ctx.contracts.rfps, 'emptyRFP', [BigInt(ctx.rfpId)]) }]}
    >
      Empty the RFP
    </WriteButton>
  )
}
