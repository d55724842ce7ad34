import { formatAbiItem } from 'viem/utils'
import type { Abi } from 'viem'
import * as artifacts from '../contracts-abi'

type AbiError = Extract<Abi[number], { type: 'error' }>

/**
 * Every custom error of our contracts, once each: a revert deep in a call path (a vote that runs a
 * DAO action that runs a smart account call…) still decodes to its name.
 */
export const allContractErrors: Abi = [
  ...new Map(
    Object.entries(artifacts)
      .filter(([name]) => name.endsWith('Abi'))
      .flatMap(([, abi]) => (abi as Abi).filter((item): item is AbiError => item.type === 'error'))
      .map((item) => [formatAbiItem(item), item] as const),
  ).values(),
]
