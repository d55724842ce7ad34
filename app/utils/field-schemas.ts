import { getAddress, isAddress, maxUint88, maxUint96, parseUnits, type Address } from 'viem'
import { z } from 'zod'
import { LIMITS } from '#documents/fields'

// Field types the forms' zod schemas are built from (addresses, ids, token amounts, dates,
// texts, counts). Conform hands empty inputs over as undefined, so optional fields are
// `.optional()` and become a default in a transform.

export const UINT96_MAX = maxUint96
export const UINT88_MAX = maxUint88

export const addressField = z
  .string({ required_error: 'Enter an address' })
  .trim()
  .refine((value) => isAddress(value, { strict: false }), 'Enter a 0x address (42 characters)')
  .transform((value) => getAddress(value) as Address)

export const idField = z.coerce.number({ invalid_type_error: 'Not a number' }).int().min(0)

const DECIMAL = /^\d{1,40}(\.\d{1,40})?$/

/**
 * An amount typed in token units ("1.5") → bigint base units. Never a float: the string goes
 * straight to parseUnits, and more decimals than the token has is an error, not a rounding.
 */
export function amountField({ decimals, max = UINT96_MAX }: { decimals: number; max?: bigint }) {
  return z
    .string()
    .trim()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return
      if (!DECIMAL.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'Enter an amount like 1.5' })
        return
      }
      const fraction = value.split('.')[1] ?? ''
      if (fraction.length > decimals) {
        ctx.addIssue({
          code: 'custom',
          message: decimals === 0 ? 'This token has no decimals' : `At most ${decimals} decimals`,
        })
        return
      }
      if (parseUnits(value, decimals) > max) ctx.addIssue({ code: 'custom', message: 'Too large for the contract' })
    })
    .transform((value) => (value === undefined ? 0n : parseUnits(value, decimals)))
}

/** A YYYY-MM-DD date (as <input type="date"> sends it) → unix seconds at the end of that day, UTC. */
export const futureDateField = z
  .string({ required_error: 'Pick a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date')
  .transform((value, ctx) => {
    const ms = Date.parse(`${value}T23:59:59Z`)
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'Pick a valid date' })
      return z.NEVER
    }
    if (ms <= Date.now()) {
      ctx.addIssue({ code: 'custom', message: 'The date must be in the future' })
      return z.NEVER
    }
    return Math.floor(ms / 1000)
  })

export function requiredText(max: number, message = 'This is required') {
  return z.string({ required_error: message }).trim().min(1, message).max(max, `At most ${max} characters`)
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((value) => value ?? '')
}

export function countField({ min, max, fallback }: { min: number; max: number; fallback: number }) {
  return z.coerce
    .number({ invalid_type_error: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(min, `At least ${min}`)
    .max(max, `At most ${max}`)
    .optional()
    .transform((value) => value ?? fallback)
}
