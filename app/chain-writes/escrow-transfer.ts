import type { Address } from 'viem'
import { openTokenAbi } from '#contracts-abi/OpenToken'
import { formatTokenAmount, nativeToken, tokenInfo, type KnownTokens } from '~/utils/tokens'
import { contractWrite, nativeTransfer, type WriteStep } from './use-tx-flow'

// Plain transfers into an escrow, as the openrd-frontend tops up an RFP or donates to a task: the
// native currency sent as a bare transfer, each ERC-20 with `transfer` (any ERC-20 has it). The
// escrows accept them and emit nothing.

export function escrowTransferSteps({
  escrow,
  what,
  nativeAmount,
  tokenAmounts,
  tokens,
  known,
}: {
  escrow: Address
  /** "the task’s escrow", "the RFP’s escrow": for the step labels. */
  what: string
  nativeAmount: bigint
  tokenAmounts: bigint[]
  tokens: string[]
  known: KnownTokens
}): WriteStep[] {
  const steps: WriteStep[] = []
  if (nativeAmount > 0n) steps.push({ label: `Send ${formatTokenAmount(nativeAmount, nativeToken(known.chainId))} to ${what}`, write: nativeTransfer(escrow, nativeAmount) })
  for (const [index, amount] of tokenAmounts.entries()) {
    const token = tokens[index] as Address | undefined
    if (!token || amount === 0n) continue
    steps.push({ label: `Send ${formatTokenAmount(amount, tokenInfo(token, known))} to ${what}`, write: contractWrite(openTokenAbi, token, 'transfer', [escrow, amount]) })
  }
  return steps
}
