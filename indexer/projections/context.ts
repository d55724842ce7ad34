import type { Hex } from 'viem'
import type { ActivityKind } from '#db/schema/chain'
import type { DocumentKind } from '#documents/kinds'
import type { EventArgs, EventName, IndexedContractKind } from '../decode/abis'
import type { Logger } from '../logger'
import type { ProjectionStore } from '../store/projection-store'

// What a projection handler sees: where the event happened, its arguments (typed from the ABI),
// and narrow ways to write.

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
  /** The event being projected (for log lines). */
  eventName: string
  store: ProjectionStore
  /**
   * A pinned contract read planned for this event (see reads/plan.ts), parsed: `{ error }` if the
   * read failed (the failure is stored like an answer), undefined if none was planned.
   */
  read: <T>(kind: string, key: string) => T | ReadFailure | undefined
  /** Registers a metadata URI for the resolver; returns the document's title if already resolved. */
  metadata: (uri: string, kind: DocumentKind) => string | null
  activity: (address: string, kind: ActivityKind, subject: string | null, detail?: Record<string, unknown>) => void
  logger: Logger
  /** The portal's contracts a DAO action may call, by lowercase address: their calldata is decoded. */
  actionTargets: Map<string, string>
  /** What earlier events of the same transaction left for later ones (reset at each new transaction). */
  transaction: TransactionMemo
}

/**
 * Links between events of one transaction that no event states: OptimisticActions does not name
 * the member who created or rejected an action, but the TrustlessManagement `Execution` emitted
 * after it in the same transaction does (its `sender`). Rebuilt the same way on every replay: a
 * transaction's logs are always projected together and in order.
 */
export type TransactionMemo = {
  hash: string
  /** Trustless actions created in this transaction, not yet attributed to an Execution's sender. */
  createdActions: { contract: string; dao: string; actionId: number }[]
  /** Rejections made in this transaction, not yet attributed. */
  rejections: { key: readonly [number, number, number]; dao: string }[]
}

/** How a failed pinned read is stored (reads/plan.ts): the node's error message. */
export type ReadFailure = { error: string }

/** The handlers of one contract's events, each given its event's arguments as the ABI types them. */
export type Handlers<K extends IndexedContractKind> = {
  [N in EventName<K>]?: (ctx: HandlerContext, args: EventArgs<K, N>) => void
}

export const zeroAddress = '0x0000000000000000000000000000000000000000'

export const lower = (value: string) => value.toLowerCase()
export const str = (value: bigint | number | string) => value.toString()

/** uint64 timestamps/deadlines as SQLite integers; absurd values are clamped rather than wrapped. */
export function int(value: bigint | number): number {
  const n = BigInt(value)
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n)
}
