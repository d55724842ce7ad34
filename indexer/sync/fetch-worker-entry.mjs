// The fetch worker's entry point. Worker threads do not inherit the parent's TypeScript loader
// (the parent starts it with execArgv []), so the worker registers tsx itself, then loads the
// TypeScript body.
import { register } from 'tsx/esm/api'

register()
await import('./fetch-worker.ts')
