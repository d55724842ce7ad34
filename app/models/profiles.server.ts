import { eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { profiles, type ProfileLink } from '#db/schema'
import { documentSchemas } from '#documents/kinds'
import { addressKey } from '~/utils/address'
import { readLocalJson } from './local-content.server'

// Contributors' own profiles (display name, bio, links), each the last document its owner signed.
// Signing and checking the signature is app/profiles/; this file only reads and writes the rows.

export type Profile = {
  title: string
  description: string
  links: ProfileLink[]
  metadataUri: string
  updatedAt: number
}

export function getProfile(db: Db, address: string): Profile | null {
  const row = db.select().from(profiles).where(eq(profiles.address, addressKey(address))).get()
  return row ? { title: row.title, description: row.description, links: row.links, metadataUri: row.metadataUri, updatedAt: row.updatedAt } : null
}

export type ProfileDocument = { title: string; description: string; links: ProfileLink[] }

/**
 * The profile document at `uri` in the local content store, checked once more against what the
 * portal writes; null when the store does not hold it or it is not a valid profile.
 */
export function readStoredProfileDocument(db: Db, uri: string): ProfileDocument | null {
  const local = readLocalJson(db, uri)
  if (!local?.ok) return null
  const parsed = documentSchemas.profile.safeParse(local.value)
  if (!parsed.success) return null
  return { title: parsed.data.title ?? '', description: parsed.data.description ?? '', links: parsed.data.links ?? [] }
}

/** Replaces the owner's profile with a signed document (whose signature the caller has checked). */
export function saveProfile(
  db: Db,
  args: { address: string; document: ProfileDocument; metadataUri: string; signature: string; now?: number },
): void {
  const row = {
    address: addressKey(args.address),
    title: args.document.title.trim(),
    description: args.document.description,
    links: args.document.links,
    metadataUri: args.metadataUri,
    signature: args.signature,
    updatedAt: args.now ?? Date.now(),
  }
  db.insert(profiles).values(row).onConflictDoUpdate({ target: profiles.address, set: row }).run()
}
