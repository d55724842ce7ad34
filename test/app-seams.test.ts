import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The app reads what the indexer wrote through db/ and the projections, never the indexer's
// internals: no module under app/ imports from indexer/ (status, decoders, store…), and none
// reads the raw layer (raw_logs) or decodes logs or calldata itself — the indexer decodes once,
// into projection rows (task_events, proposals' and actions' decoded calls, execution transactions).

const root = path.resolve(import.meta.dirname, '..')
const appDir = path.join(root, 'app')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [full] : []
  })
}

/** Where an import specifier of `file` points, relative to the repository root ('' for a package). */
function target(file: string, specifier: string): string {
  if (specifier.startsWith('.')) return path.relative(root, path.resolve(path.dirname(file), specifier))
  const alias = /^#([a-z-]+)\/(.*)$/.exec(specifier)
  if (alias) return `${alias[1]}/${alias[2]}`
  if (specifier.startsWith('~/')) return `app/${specifier.slice(2)}`
  return ''
}

const files = sourceFiles(appDir)
const imports = files.flatMap((file) =>
  ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map(({ fileName }) => ({
    file: path.relative(root, file),
    specifier: fileName,
    target: target(file, fileName),
  })),
)

describe('the seam between app/ and the indexer', () => {
  it('sees the whole of app/', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(imports.some((i) => i.target.startsWith('db/'))).toBe(true)
  })

  it('has no module of app/ import from indexer/', () => {
    expect(imports.filter((i) => i.target === 'indexer' || i.target.startsWith('indexer/'))).toEqual([])
  })

  it('has no module of app/ read raw logs or decode logs and calldata', () => {
    const decoding = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8')
      return [/\braw_logs\b|\brawLogs\b/, /\bdecodeEventLog\b/, /\bdecodeFunctionData\b/]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${path.relative(root, file)}: ${pattern.source}`)
    })
    expect(decoding).toEqual([])
  })
})
