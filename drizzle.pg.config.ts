import { defineConfig } from 'drizzle-kit'

// The PostgreSQL engine's migrations (docs/decisions/024): `npm run db:generate:pg`. The SQLite
// ones (drizzle.config.ts) stay the default engine's; a schema change is made in both schemas.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/index.ts',
  out: './db/migrations-pg',
  casing: 'snake_case',
})
