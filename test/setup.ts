import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../db/client'
import { startAnvil, type Anvil, type AnvilOptions } from '../devnet/anvil'

// Shared test setup: every test file gets its own anvil and its own SQLite file, so files
// can run in parallel without sharing state. Both are torn down after the file's tests.

export async function useAnvil(options: AnvilOptions = {}): Promise<Anvil> {
  const anvil = await startAnvil(options)
  afterAll(() => anvil.stop())
  return anvil
}

export function useTempDatabase(): DatabaseHandle & { path: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'))
  const file = path.join(dir, 'test.sqlite')
  const handle = openDatabase(file)
  afterAll(() => {
    handle.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return { ...handle, path: file }
}
