import { z } from 'zod'
import { linkSchema } from '#documents/fields'
import { PROFILE_LIMITS } from '#documents/profile'
import { displayText } from './display-text'

// The profile form, one schema for the browser (conform) and the server (which validates again
// before storing the document its owner then signs). Empty link rows are dropped, not errors.

export const MAX_PROFILE_BODY_BYTES = 32 * 1024

const linkRow = z.object({ name: z.string().optional(), url: z.string().optional() })

export const profileFormSchema = z.object({
  title: z
    .string()
    .max(PROFILE_LIMITS.title * 2, `At most ${PROFILE_LIMITS.title} characters`)
    .optional()
    .transform((value) => displayText(value ?? ''))
    .pipe(z.string().max(PROFILE_LIMITS.title, `At most ${PROFILE_LIMITS.title} characters`)),
  description: z
    .string()
    .max(PROFILE_LIMITS.description, `At most ${PROFILE_LIMITS.description} characters`)
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n/g, '\n').trim()),
  links: z
    .array(linkRow)
    .max(PROFILE_LIMITS.links, `At most ${PROFILE_LIMITS.links} links`)
    .optional()
    .transform((rows) => (rows ?? []).filter((row) => (row.name ?? '').trim() !== '' || (row.url ?? '').trim() !== ''))
    .pipe(z.array(linkSchema)),
})

export type ProfileFormValue = z.output<typeof profileFormSchema>

/** What the save step sends once the wallet has signed. */
export const profileSaveSchema = z.object({
  intent: z.literal('save'),
  uri: z.string().regex(/^ipfs:\/\/[a-z0-9]{20,100}$/, 'Not a document address this portal stored'),
  signature: z.string().regex(/^0x([0-9a-fA-F]{2}){65,8192}$/, 'Not a signature'),
})
