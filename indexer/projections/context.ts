import type { Hex } from 'viem'
import type { ActivityKind } from '../../db/schema/chain'
import type { DecodedEvent } from '../decode/decoder'
import type { Logger } from '../logger'
import type { ProjectionStore } from '../store/projection-store'
import type { MetadataKind } from '../metadata/kinds'

// What a projection handler sees: the event, where it happened, and narrow ways to write.

export type LogPosition = {
  blockNumber: number
  blockHash: Hex
  blockTimestamp: number
  transactionHash: Hex
  transactionIndex: number
  logIndex: number
  address: Hex
}

export type HandlerContext = {
  chainId: number
  log: LogPosition
  event: DecodedEvent
  store: ProjectionStore
  /**
   * A pinned contract read planned for this event (see reads/plan.ts), parsed: `{ error }` if the
   * read failed (the failure is stored like an answer), undefined if none was planned.
   */
  read: <T>(kind: string, key: string) => T | ReadFailure | undefined
  /** Registers a metadata URI for the resolver; returns the document's title if already resolved. */
  metadata: (uri: string, kind: MetadataKind) => string | null
  activity: (address: string, kind: ActivityKind, subject: string | null, detail?: Record<string, unknown>) => void
  logger: Logger
  /** Addresses of the portal's contracts by kind, to decode proposal actions. */
  contracts: Map<string, string>
}

/** How a failed pinned read is stored (reads/plan.ts): the node's error message. */
export type ReadFailure = { error: string }

export type Handler = (ctx: HandlerContext) => void

export const zeroAddress = '0x0000000000000000000000000000000000000000'

export const lower = (value: unknown) => String(value).toLowerCase()
export const str = (value: unknown) => (typeof value === 'bigint' ? value.toString() : String(value))

/** uint64 timestamps/deadlines as SQLite integers; absurd values are clamped rather than wrapped. */
export function int(value: unknown): number {
  const n = typeof value === 'bigint' ? value : BigInt(value as number)
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n)
}
