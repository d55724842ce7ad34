// Loaders read the indexer's progress through this server-only door: a page that imported
// db/indexer-status directly would carry drizzle and the database schema in its browser chunks
// (esbuild keeps every module a page imports, even one only its loader uses).
export { getIndexerStatus } from '#db/indexer-status'
