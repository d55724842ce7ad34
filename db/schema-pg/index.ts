// The PostgreSQL schema: the same tables as db/schema (the SQLite one), split the same way.
export * from './chain'
export * from './offchain'
export * from './courses'
export * from './sessions'
export * from './limits'
export * from './people'
export * from './notifications'
