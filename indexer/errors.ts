// Every error the indexer raises on purpose, in one place. Each says whether the failed operation,
// made again after a backoff, can succeed (`retryable`), and keeps what caused it (`cause`).
// `isRetryable` is the one check every retry loop uses: the RPC client (one request), the read
// planner (one batch of reads), the sync loop (one tick) and the metadata resolver's states.
//
//   IndexerError
//   ├─ RpcError                       a JSON-RPC call failed (details: method, code, status, url)
//   │  ├─ RetryableError              transient: network, HTTP 429/5xx, node hiccups   → retried
//   │  │  └─ RpcTimeoutError          no answer in time                                → retried (eth_getLogs splits instead)
//   │  ├─ RangeTooLargeError          eth_getLogs refused the range                    → split; the sync loop retries later
//   │  └─ NonRetryableError           reverts, invalid params, unknown methods         → never retried
//   │     └─ StateUnavailableError    a pruned node lacks the block's state            → asked of the fallback, else stored
//   ├─ DeepReorgError                 a reorg deeper than finality                     → halts the indexer
//   ├─ OutOfOrderBatchError           a batch that does not continue the checkpoint    → the sync loop starts over
//   ├─ MetadataUnavailableError       the document could not be fetched now            → retried later
//   └─ MetadataRejectedError          the bytes must not be used (CID mismatch, size)  → marked invalid
//      └─ InvalidDocumentError        not a JSON object of the document's shape        → marked invalid
//
// SQLITE_BUSY (another connection held the write lock past the busy timeout) comes from
// better-sqlite3 as its own error class and is retryable: batches begin IMMEDIATE, so the lock is
// taken before anything is written, and nothing of the batch was.

export class IndexerError extends Error {
  /** Whether making the failed operation again, after a backoff, can succeed. */
  readonly retryable: boolean
  constructor(message: string, { retryable, cause }: { retryable: boolean; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause })
    this.retryable = retryable
  }
}

export type RpcErrorDetails = { method?: string; code?: number; status?: number; url?: string }
type RpcErrorOptions = { cause?: unknown }

export class RpcError extends IndexerError {
  override name = 'RpcError'
  constructor(
    message: string,
    readonly details: RpcErrorDetails = {},
    { retryable = false, cause }: RpcErrorOptions & { retryable?: boolean } = {},
  ) {
    super(message, { retryable, cause })
  }
}

/** Transient: network errors, HTTP 429/5xx, timeouts, node-side hiccups. Retried with backoff. */
export class RetryableError extends RpcError {
  override name = 'RetryableError'
  constructor(message: string, details: RpcErrorDetails = {}, options: RpcErrorOptions = {}) {
    super(message, details, { ...options, retryable: true })
  }
}

/** The request took longer than the client's timeout. Retryable; for eth_getLogs also a reason to shrink the range. */
export class RpcTimeoutError extends RetryableError {
  override name = 'RpcTimeoutError'
}

/**
 * eth_getLogs refused the range (too many results, response too big). The range fetcher splits it
 * rather than asking again; a single block refused reaches the sync loop, which retries it later
 * (some providers word rate limits the same way).
 */
export class RangeTooLargeError extends RpcError {
  override name = 'RangeTooLargeError'
  constructor(
    message: string,
    details: RpcErrorDetails = {},
    /** A range the node suggested instead (some providers name one), if any. */
    readonly suggestedToBlock?: number,
    options: RpcErrorOptions = {},
  ) {
    super(message, details, { ...options, retryable: true })
  }
}

/** Reverts, invalid params, unknown methods: retrying cannot help. */
export class NonRetryableError extends RpcError {
  override name = 'NonRetryableError'
  constructor(message: string, details: RpcErrorDetails = {}, options: RpcErrorOptions = {}) {
    super(message, details, { ...options, retryable: false })
  }
}

/**
 * The node has no state for the block asked about (a pruned, non-archive node). Asking it again
 * cannot help, but another endpoint (an archive fallback) can answer.
 */
export class StateUnavailableError extends NonRetryableError {
  override name = 'StateUnavailableError'
}

/** The chain reorganised deeper than the finality depth (or the checkpoint's block vanished): an operator must act. */
export class DeepReorgError extends IndexerError {
  override name = 'DeepReorgError'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: false })
  }
}

/** A batch that does not continue the checkpoint (another writer moved it): nothing was written, the loop starts over. */
export class OutOfOrderBatchError extends IndexerError {
  override name = 'OutOfOrderBatchError'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: true })
  }
}

/** Could not get a metadata document's bytes now (network, timeout, gateway error): retried later. */
export class MetadataUnavailableError extends IndexerError {
  override name = 'MetadataUnavailableError'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: true })
  }
}

/** Got a metadata document's bytes, which must not be used (CID mismatch, too big, unsupported URI or layout). */
export class MetadataRejectedError extends IndexerError {
  override name = 'MetadataRejectedError'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: false })
  }
}

/** The bytes are not a JSON object of the document's shape. */
export class InvalidDocumentError extends MetadataRejectedError {
  override name = 'InvalidDocumentError'
}

/** The one retry check: an IndexerError says so itself; SQLITE_BUSY is retryable; anything else (a bug) is not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof IndexerError) return error.retryable
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

// ─── Across the fetch worker's thread boundary ──────────────────────────────────────────────

/** An error as it crosses a worker boundary: its class by name, so the receiver can rebuild it. */
export type WireError = { name: string; message: string; details?: RpcErrorDetails; suggestedToBlock?: number; cause?: string }

export function errorToWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const wire: WireError = { name: error.name, message: error.message }
  if (error instanceof RpcError) wire.details = { ...error.details }
  if (error instanceof RangeTooLargeError) wire.suggestedToBlock = error.suggestedToBlock
  if (error.cause !== undefined) wire.cause = error.cause instanceof Error ? error.cause.message : String(error.cause)
  return wire
}

const rebuilders: Record<string, (wire: WireError, options: { cause?: unknown }) => Error> = {
  RpcError: (w, o) => new RpcError(w.message, w.details, o),
  RetryableError: (w, o) => new RetryableError(w.message, w.details, o),
  RpcTimeoutError: (w, o) => new RpcTimeoutError(w.message, w.details, o),
  RangeTooLargeError: (w, o) => new RangeTooLargeError(w.message, w.details, w.suggestedToBlock, o),
  NonRetryableError: (w, o) => new NonRetryableError(w.message, w.details, o),
  StateUnavailableError: (w, o) => new StateUnavailableError(w.message, w.details, o),
  DeepReorgError: (w, o) => new DeepReorgError(w.message, o),
  OutOfOrderBatchError: (w, o) => new OutOfOrderBatchError(w.message, o),
  MetadataUnavailableError: (w, o) => new MetadataUnavailableError(w.message, o),
  MetadataRejectedError: (w, o) => new MetadataRejectedError(w.message, o),
  InvalidDocumentError: (w, o) => new InvalidDocumentError(w.message, o),
}

/** Rebuilds the error class the retry check tests; anything else is a plain Error of the same name. */
export function errorFromWire(wire: WireError): Error {
  const options = wire.cause === undefined ? {} : { cause: wire.cause }
  const rebuild = rebuilders[wire.name]
  if (rebuild) return rebuild(wire, options)
  const error = new Error(wire.message, options)
  error.name = wire.name
  return error
}
