import { afterAll } from 'vitest'
import { runTestCleanups } from './setup'

// A setup file (vitest.config.ts): its top-level afterAll runs after each test file's tests,
// wherever in the file its anvils were started.
afterAll(() => runTestCleanups())
