import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// What people say about themselves, and what ENS says about them: off-chain, owned by the
// profile pages (app/profiles/). Addresses are lowercase (app/utils/address.ts); times are unix
// milliseconds. Never touched by a re-index.

export type ProfileLink = { name: string; url: string }

/**
 * A contributor's own profile: the last `{title, description, links}` document they signed as
 * `OpenR&D metadata: ipfs://<cid>` (the message Openmesh's OpenR&D app signs for a profile). The
 * document's bytes are in content_blobs under that CID; the columns are its validated fields.
 */
export const profiles = sqliteTable(
  'profiles',
  {
    address: text().primaryKey(),
    /** The display name ('' when the owner left it empty). */
    title: text().notNull(),
    description: text().notNull(),
    links: text({ mode: 'json' }).$type<ProfileLink[]>().notNull(),
    metadataUri: text().notNull(),
    /** The owner's signature of `OpenR&D metadata: <metadataUri>` (EOA or ERC-1271 wallet). */
    signature: text().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('profiles_title').on(t.title)],
)

/** The primary ENS name and avatar record of an address, as last resolved through ENS_RPC_URL. */
export const ensNames = sqliteTable(
  'ens_names',
  {
    address: text().primaryKey(),
    name: text(),
    /** The avatar record resolved to an https: URL (or a raster data: URL); served through /contributors/:address/avatar. */
    avatarUrl: text(),
    resolvedAt: integer().notNull(),
    /** Why the last resolution failed (the previous name, if any, is kept). */
    error: text(),
  },
  (t) => [index('ens_names_name').on(t.name), index('ens_names_resolved').on(t.resolvedAt)],
)
