// One schema, split by owner. Chain projections can always be rebuilt from the chain;
// the off-chain tables (sessions, progress, blobs) live only here and survive a re-index.
export * from './chain'
export * from './offchain'
export * from './courses'
export * from './sessions'
export * from './limits'
export * from './people'
export * from './notifications'
