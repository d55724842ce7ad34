import { NonRetryableError, RangeTooLargeError, RetryableError, StateUnavailableError, type RpcError } from '../errors'

// What a node's failure means for the indexer: JSON-RPC error objects and HTTP statuses, sorted
// into the error classes of ../errors.ts (retry, split the range, ask the fallback, give up).

const rangeTooLargePatterns = [
  /query returned more than \d+ results/i,
  /more than \d+ results/i,
  /too many results/i,
  /response (size|is too large|too large)/i,
  /exceeds? (the )?max(imum)? (response )?size/i,
  /log response size exceeded/i,
  /block range (is )?too (large|wide)/i,
  /range (is )?too large/i,
  /exceed(ed|s)? (max(imum)? )?(block )?range/i,
  /limit exceeded/i,
  /query timeout exceeded/i,
]

const nonRetryableCodes = new Set([-32600, -32601, -32602, 3, -32700])

/** Classifies a JSON-RPC error object into one of the error classes of ../errors.ts. */
export function classifyJsonRpcError(
  error: { code?: number; message?: string; data?: unknown },
  method: string,
  url?: string,
): RpcError {
  const message = String(error.message ?? 'unknown JSON-RPC error')
  const code = typeof error.code === 'number' ? error.code : undefined
  const details = { method, code, url }
  if (method === 'eth_getLogs' && rangeTooLargePatterns.some((p) => p.test(message))) {
    return new RangeTooLargeError(`${method}: ${message}`, details, suggestedToBlock(message))
  }
  if (/revert/i.test(message) || code === 3) return new NonRetryableError(`${method}: ${message}`, details)
  // A full (non-archive) node asked for old state: asking it again will not help.
  if (/missing trie node|historical state|state (is )?not available|pruned|required historical state/i.test(message)) {
    return new StateUnavailableError(`${method}: ${message}`, details)
  }
  // Asked about a block above the node's own head (anvil answers with -32602 for a block it is still
  // storing, foundry-rs/foundry#10709): like geth's "header not found", the block is there a moment later.
  if (asksAboveHeight(message)) return new RetryableError(`${method}: ${message}`, details)
  if (code !== undefined && nonRetryableCodes.has(code)) return new NonRetryableError(`${method}: ${message}`, details)
  if (/rate limit|too many requests|capacity|header not found|unknown block|timeout|busy|try again/i.test(message)) {
    return new RetryableError(`${method}: ${message}`, details)
  }
  // -32603 internal error, -32000 server error, -32005 limit exceeded and vendor codes: transient by default.
  return new RetryableError(`${method}: ${message}`, details)
}

/** Classifies an HTTP status that is not 200. */
export function classifyHttpStatus(status: number, body: string, method: string, url?: string): RpcError {
  const details = { method, status, url }
  const text = body.slice(0, 200)
  if (method === 'eth_getLogs' && (status === 413 || rangeTooLargePatterns.some((p) => p.test(text)))) {
    return new RangeTooLargeError(`${method}: HTTP ${status} ${text}`, details)
  }
  if (status === 429 || status === 408 || status >= 500) return new RetryableError(`${method}: HTTP ${status} ${text}`, details)
  if (status === 401 || status === 403 || status === 404 || status === 405) {
    return new NonRetryableError(`${method}: HTTP ${status} ${text}`, details)
  }
  return new RetryableError(`${method}: HTTP ${status} ${text}`, details)
}

/** Anvil's "BlockOutOfRangeError: block height is H but requested was N", with N above H. */
function asksAboveHeight(message: string): boolean {
  const match = /block height is (\d+) but requested was (\d+)/i.exec(message)
  return match !== null && Number(match[2]) > Number(match[1])
}

/** Alchemy-style hint: "... this block range should work: [0x1, 0x2]". */
function suggestedToBlock(message: string): number | undefined {
  const match = /\[(0x[0-9a-f]+),\s*(0x[0-9a-f]+)\]/i.exec(message)
  return match?.[2] ? Number.parseInt(match[2], 16) : undefined
}
