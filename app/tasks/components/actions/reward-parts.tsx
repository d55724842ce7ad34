import type { FieldMetadata } from '@conform-to/react'
import { TextField } from '~/components/form-fields'

export type RewardEntry = { kind: 'native' | 'token'; index: number; left: string; symbol: string; decimals: number }

type ListMeta = FieldMetadata<unknown, Record<string, unknown>, string[]>

/** One amount per reward entry of the executor (native entries, then ERC-20 entries). */
export function RewardPartsFields({
  entries,
  native,
  tokens,
  verb,
}: {
  entries: RewardEntry[]
  native: ListMeta[]
  tokens: ListMeta[]
  verb: string
}) {
  return (
    <>
      {entries.map((entry) => {
        const meta = entry.kind === 'native' ? native[entry.index] : tokens[entry.index]
        if (!meta) return null
        return (
          <TextField
            key={`${entry.kind}-${entry.index}`}
            meta={meta}
            label={`${verb} (${entry.symbol})`}
            hint={`The reward still owed: ${entry.left}.`}
            inputMode="decimal"
            placeholder="0"
          />
        )
      })}
    </>
  )
}

export function rewardDefaults(entries: RewardEntry[]) {
  return {
    partialNative: entries.filter((e) => e.kind === 'native').map(() => ''),
    partialTokens: entries.filter((e) => e.kind === 'token').map(() => ''),
  }
}
