import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import type { ProfileLink } from '../schema/people'

// The PostgreSQL mirror of db/schema/people.ts (the comments are there): profiles and ENS names.

export const profiles = pgTable(
  'profiles',
  {
    address: text().primaryKey(),
    title: text().notNull(),
    description: text().notNull(),
    links: jsonb().$type<ProfileLink[]>().notNull(),
    metadataUri: text().notNull(),
    signature: text().notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('profiles_title').on(t.title)],
)

export const ensNames = pgTable(
  'ens_names',
  {
    address: text().primaryKey(),
    name: text(),
    avatarUrl: text(),
    resolvedAt: bigint({ mode: 'number' }).notNull(),
    error: text(),
  },
  (t) => [index('ens_names_name').on(t.name), index('ens_names_resolved').on(t.resolvedAt)],
)
