import { erc20Abi, parseUnits, type Address } from 'viem'

// An RFP's ERC-20 budget may be any token, so before anything is stored or signed its address is
// asked on chain: it must hold code and answer decimals() and symbol() sensibly; the amount
// typed must fit those decimals and the contract's uint96. The server (POST /ipfs) and the
// browser (before the approve) run the same check, each with its own client of the chain.

/** The reads this needs, as viem's PublicClient (server) and wagmi's client (browser) offer them. */
export type TokenReader = {
  getCode: (args: { address: Address }) => Promise<`0x${string}` | undefined>
  readContract: (args: { address: Address; abi: typeof erc20Abi; functionName: 'decimals' | 'symbol' }) => Promise<unknown>
}

/** More than any real token uses: a bigger answer is nonsense, and amounts could not be read. */
const MAX_DECIMALS = 36
const UINT96_MAX = 2n ** 96n - 1n

export type BudgetRow = { token: Address; amount: string }
export type ResolvedBudget = { tokenContract: Address; amount: bigint; decimals: number; symbol: string }
export type BudgetProblem = { index: number; field: 'token' | 'amount'; message: string }

async function readToken(reader: TokenReader, token: Address): Promise<{ decimals: number; symbol: string } | string> {
  let code: string | undefined
  try {
    code = await reader.getCode({ address: token })
  } catch {
    return 'The chain could not be asked about this token: try again in a moment.'
  }
  if (!code || code === '0x') return 'There is no contract at this address on this chain: not a token.'
  let decimals: unknown
  let symbol: unknown
  try {
    decimals = await reader.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' })
    symbol = await reader.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' })
  } catch {
    return 'This contract does not answer decimals() and symbol(): not an ERC-20 token.'
  }
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    return 'This contract answers nonsense decimals: its amounts cannot be read.'
  }
  const cleanSymbol = typeof symbol === 'string' ? symbol.replace(/[\p{C}]/gu, '').trim().slice(0, 16) : ''
  return { decimals, symbol: cleanSymbol || 'tokens' }
}

/** Each row's token read on chain and its amount in base units, or what is wrong with each row. */
export async function resolveBudgetTokens(
  reader: TokenReader,
  rows: BudgetRow[],
): Promise<{ ok: true; budget: ResolvedBudget[] } | { ok: false; problems: BudgetProblem[] }> {
  const problems: BudgetProblem[] = []
  const budget: ResolvedBudget[] = []
  for (const [index, row] of rows.entries()) {
    const token = await readToken(reader, row.token)
    if (typeof token === 'string') {
      problems.push({ index, field: 'token', message: token })
      continue
    }
    const fraction = row.amount.split('.')[1] ?? ''
    if (fraction.length > token.decimals) {
      const message = token.decimals === 0 ? `${token.symbol} has no decimals: whole units only` : `${token.symbol} has at most ${token.decimals} decimals`
      problems.push({ index, field: 'amount', message })
      continue
    }
    const amount = parseUnits(row.amount, token.decimals)
    if (amount > UINT96_MAX) {
      problems.push({ index, field: 'amount', message: 'Too large for the contract' })
      continue
    }
    budget.push({ tokenContract: row.token, amount, decimals: token.decimals, symbol: token.symbol })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, budget }
}

/** The problems as conform field errors (`budget[0].token` …), for the form's reply. */
export function budgetFieldErrors(problems: BudgetProblem[]): Record<string, string[]> {
  return Object.fromEntries(problems.map((p) => [`budget[${p.index}].${p.field}`, [p.message]]))
}
