import { spawn } from 'node:child_process'
import path from 'node:path'
import { exited } from '../testing/harness'

/**
 * Runs one of the bench's scripts (this folder) in a child process and returns what it printed as
 * its last stdout line, as JSON. The child's stderr goes straight to ours.
 */
export async function runScript<T>(script: string, args: string[], what: string): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await exited(child)
  if (code !== 0) throw new Error(`${what} failed (exit code ${code})`)
  return JSON.parse(output.trim().split('\n').at(-1)!) as T
}
