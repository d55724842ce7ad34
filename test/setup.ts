import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, type DatabaseHandle } from '../db/client'
import { startAnvil, type Anvil, type AnvilOptions } from '../devnet/anvil'

// Shared test setup: every test file gets its own anvil and its own SQLite file, so files
// can run in parallel without sharing state. Both are torn down after the file's tests.

// Cleanups run by test/teardown.ts (a setup file) after each file's tests. An afterAll registered
// here would be lost when these are called from a hook or a test, as most files do, and the
// anvil would outlive the file.
const cleanups: (() => unknown)[] = []

/** Runs `cleanup` after this file's tests (with the anvils and databases). */
export function addTestCleanup(cleanup: () => unknown): void {
  cleanups.push(cleanup)
}

/** An anvil for this test file. */
export async function useAnvil(options: AnvilOptions = {}): Promise<Anvil> {
  const anvil = await startAnvil(options)
  cleanups.push(() => anvil.stop())
  return anvil
}

/** Runs (and forgets) every cleanup this file registered. */
export async function runTestCleanups(): Promise<void> {
  const pending = cleanups.splice(0)
  await Promise.all(pending.map((cleanup) => cleanup()))
}

export function useTempDatabase(): DatabaseHandle & { path: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'))
  const file = path.join(dir, 'test.sqlite')
  const handle = openDatabase(file)
  cleanups.push(() => {
    handle.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return { ...handle, path: file }
}
