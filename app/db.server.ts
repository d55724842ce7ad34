import { openDatabase, type DatabaseHandle } from '#db/client'
import { getEnv } from './env.server'

// One handle per server process, kept on globalThis so `npm run dev` rebuilds reuse it.
const globalForDb = globalThis as unknown as { portalDb?: DatabaseHandle }

export function getDb() {
  globalForDb.portalDb ??= openDatabase(getEnv().databasePath)
  return globalForDb.portalDb.db
}
