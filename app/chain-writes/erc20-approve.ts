import type { Address } from 'viem'
import type { Config } from 'wagmi'
import { readContract } from 'wagmi/actions'
import { openTokenAbi } from '#contracts-abi/OpenToken'
import { formatTokenAmount, tokenInfo, type KnownTokens } from '~/utils/tokens'
import { contractWrite, type WriteStep } from './use-tx-flow'

/**
 * The approve transaction an ERC-20 budget needs before Tasks can pull `amount` from the
 * owner, or nothing when the allowance already covers it. (Any ERC-20 has this ABI subset.)
 */
export async function approveSteps(
  config: Config,
  { chainId, owner, token, spender, amount, known }: { chainId: number; owner: Address; token: Address; spender: Address; amount: bigint; known: KnownTokens },
): Promise<WriteStep[]> {
  if (amount === 0n) return []
  const allowance = await readContract(config, { chainId, address: token, abi: openTokenAbi, functionName: 'allowance', args: [owner, spender] })
  if (allowance >= amount) return []
  return [
    {
      label: `Approve ${formatTokenAmount(amount, tokenInfo(token, known))} for the task escrow`,
      write: contractWrite(openTokenAbi, token, 'approve', [spender, amount]),
    },
  ]
}
