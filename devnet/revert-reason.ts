import { BaseError, decodeErrorResult, type Abi, type Address, type Hex, type PublicClient } from 'viem'

/**
 * Why a mined transaction reverted: its call replayed on the state before its block, the revert
 * decoded with `errorAbi` ("Name(arg, …)"), else the raw revert data or viem's short message.
 */
export async function replayRevertReason(
  client: Pick<PublicClient, 'call'>,
  tx: { from: Address; to?: Address; data: Hex; value: bigint },
  blockNumber: bigint,
  errorAbi: Abi,
): Promise<string> {
  try {
    await client.call({ account: tx.from, to: tx.to, data: tx.data, value: tx.value, blockNumber: blockNumber - 1n })
    return 'no revert on replay'
  } catch (error) {
    if (!(error instanceof BaseError)) return String(error)
    const data = (error.walk((e) => typeof (e as { data?: unknown }).data === 'string') as { data?: Hex } | null)?.data
    if (!data) return error.shortMessage
    try {
      const decoded = decodeErrorResult({ abi: errorAbi, data })
      return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`
    } catch {
      return data
    }
  }
}
