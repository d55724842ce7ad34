import { decodeAbiParameters, encodeFunctionData, erc20Abi, hexToString, type Hex } from 'viem'
import type { JsonRpcCall } from '../rpc/transport'

// An ERC-20's symbol, name and decimals, read pinned to the block hash of the event that first
// names it as a budget token. Any contract can be named, so every answer is untrusted: no code,
// a revert, bytes that are not a string, control characters, a 200-character "symbol" or
// decimals of 255 are all stored as a `problem`, and the app shows such a token by its address.

export type TokenMetadata = { symbol: string | null; name: string | null; decimals: number | null; problem: string | null }

/** More than any real token uses (USDC 6, most 18, a few 24): beyond it amounts are unreadable. */
export const MAX_TOKEN_DECIMALS = 36
const MAX_SYMBOL = 16
const MAX_NAME = 64

/** getCode, symbol(), name(), decimals(): in this order. */
export function tokenMetadataCalls(token: Hex, blockHash: Hex): JsonRpcCall[] {
  const call = (functionName: 'symbol' | 'name' | 'decimals') => ({
    method: 'eth_call',
    params: [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName }) }, { blockHash }],
  })
  return [{ method: 'eth_getCode', params: [token, { blockHash }] }, call('symbol'), call('name'), call('decimals')]
}

export type CallAnswer = { ok: true; value: Hex } | { ok: false; error: string }

/** Letters, digits, punctuation and spaces only; collapsed; null if nothing readable is left or it is too long. */
function cleanText(raw: string, max: number): string | null {
  const text = raw.replace(/[\p{C}]/gu, '').replace(/\s+/gu, ' ').trim()
  return text.length === 0 || text.length > max ? null : text
}

/** A string return value, or (as MKR and other early tokens do) a NUL-padded bytes32. */
function decodeText(value: Hex, max: number): string | null {
  try {
    const [text] = decodeAbiParameters([{ type: 'string' }], value)
    return cleanText(text, max)
  } catch {
    if (value.length !== 66) return null
    return cleanText(hexToString(value, { size: 32 }).replace(/\0+$/u, ''), max)
  }
}

function decodeDecimals(value: Hex): number | null {
  if (value.length !== 66) return null
  const n = BigInt(value)
  return n <= BigInt(MAX_TOKEN_DECIMALS) ? Number(n) : null
}

/**
 * A read the node could not answer (no old state, an error that is not the contract's revert): it
 * is stored as a failed read, which `npm run indexer -- reread` makes again, not as a fact about
 * the token. A revert or nonsense is the token's own answer and stays a `problem`.
 */
export function unansweredTokenRead(answers: CallAnswer[]): string | null {
  const [code] = answers
  if (code && !code.ok) return code.error
  const failed = answers.find((a): a is { ok: false; error: string } => !a.ok && !/revert/i.test(a.error))
  return failed ? failed.error : null
}

/** What the four answers say about the token. */
export function decodeTokenMetadata([code, symbol, name, decimals]: CallAnswer[]): TokenMetadata {
  const empty = { symbol: null, name: null, decimals: null }
  if (!code?.ok) return { ...empty, problem: `its code could not be read: ${code?.error ?? 'no answer'}` }
  if (code.value === '0x') return { ...empty, problem: 'no contract at this address' }
  const problems: string[] = []
  const sym = symbol?.ok ? decodeText(symbol.value, MAX_SYMBOL) : null
  if (!symbol?.ok) problems.push(`symbol() reverted`)
  else if (sym === null) problems.push('symbol() answered no readable symbol')
  const dec = decimals?.ok ? decodeDecimals(decimals.value) : null
  if (!decimals?.ok) problems.push('decimals() reverted')
  else if (dec === null) problems.push(`decimals() answered an impossible value`)
  // A missing name is common and harmless: it is only shown beside the symbol.
  const nm = name?.ok ? decodeText(name.value, MAX_NAME) : null
  return { symbol: sym, name: nm, decimals: dec, problem: problems.length ? problems.join('; ') : null }
}
