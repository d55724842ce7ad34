import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../db/schema'
const db = drizzle(new Database(':memory:'), { schema })
console.log(db.select().from(schema.tasks).toSQL().sql)
