import { amountField, UINT96_MAX } from './field-schemas'
import type { TokenInfo } from './tokens'

// Whole-unit amounts of a given token ("1.5" USDC → 1500000n), for any form that asks for one.
// A token shown by address has decimals 0 (tokens.ts): its amounts are typed in base units, and
// any fraction is refused. The rules are amountField's, so client and server agree.

/** A zod field for an amount of `token`, in its whole units. */
function tokenAmountField(token: Pick<TokenInfo, 'decimals'>, max: bigint = UINT96_MAX) {
  return amountField({ decimals: token.decimals, max })
}

/** "1.5" in `token`'s units → base units, or the message a form shows under the field. */
export function parseTokenAmount(text: string, token: Pick<TokenInfo, 'decimals'>, max: bigint = UINT96_MAX): { ok: true; value: bigint } | { ok: false; message: string } {
  const parsed = tokenAmountField(token, max).safeParse(text)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'Enter an amount like 1.5' }
}
