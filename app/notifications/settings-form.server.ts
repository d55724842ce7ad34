import dns from 'node:dns/promises'
import { z } from 'zod'
import { inboxKinds } from './kinds'
import { checkOutboundUrl, isPrivateAddress, OutboundUrlError } from './outbound-http.server'

// The notification settings forms (app/routes/notifications._index.tsx): one schema per intent.
// A webhook URL is checked when it is saved (resolvable, and not into a private network unless
// allowed) and again at every delivery, since its DNS can change.

export const MAX_SETTINGS_BODY_BYTES = 8 * 1024

const kinds = z
  .union([z.enum(inboxKinds), z.array(z.enum(inboxKinds))])
  .optional()
  .transform((value) => (value === undefined ? [] : [value].flat()))

export const settingsForms = {
  'feed-create': z.object({ kind: kinds }),
  'feed-kinds': z.object({ kind: kinds }),
  'feed-revoke': z.object({}),
  'webhook-save': z.object({ url: z.string({ required_error: 'Enter the webhook URL' }).trim().max(2_000, 'At most 2,000 characters'), kind: kinds }),
  'webhook-remove': z.object({}),
  'email-save': z.object({
    email: z.string({ required_error: 'Enter an e-mail address' }).trim().max(254).email('Enter an e-mail address'),
    frequency: z.enum(['immediate', 'hourly', 'daily']),
    kind: kinds,
  }),
  'email-remove': z.object({}),
} as const
export type SettingsIntent = keyof typeof settingsForms

export function isSettingsIntent(value: unknown): value is SettingsIntent {
  return typeof value === 'string' && Object.hasOwn(settingsForms, value)
}

/** Why a webhook URL cannot be used, or null when it can. */
export async function webhookUrlProblem(value: string, { allowPrivate }: { allowPrivate: boolean }): Promise<string | null> {
  let url: URL
  try {
    url = checkOutboundUrl(value, { allowPrivate })
  } catch (error) {
    return error instanceof OutboundUrlError ? `This URL cannot be used: ${error.message}.` : 'This is not a URL.'
  }
  if (url.protocol !== 'https:' && !allowPrivate) return 'Use an https:// URL.'
  try {
    const addresses = await dns.lookup(url.hostname.replace(/^\[|\]$/g, ''), { all: true })
    if (!allowPrivate && addresses.some((entry) => isPrivateAddress(entry.address))) return 'This URL points into a private network.'
  } catch {
    return `${url.hostname} does not resolve.`
  }
  return null
}
