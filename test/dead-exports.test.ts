import { describe, expect, it } from 'vitest'
import { buildImportGraph, exportsOf } from './import-graph'

// Every export of app/ is imported somewhere (tests count): an export nobody imports is either
// dead code or a private helper that says it is public. Exported types that the file's own
// signatures use stay (they name its API). Remix reads route modules, root.tsx and the entries
// by convention, so their exports are not checked here.

/** Files someone is rewriting right now; the test fails once a listed file has no dead export left, so the entry goes with the rewrite. */
const BEING_REWRITTEN: { file: string; by: string }[] = []

const byConvention = (file: string) => file.startsWith('app/routes/') || /^app\/(root|entry\.client|entry\.server)\.tsx$/.test(file)

function deadExports(): Map<string, string[]> {
  const graph = buildImportGraph()
  const imported = new Map<string, Set<string> | '*'>()
  for (const edges of graph.values()) {
    for (const { to, names } of edges) {
      if (to === null) continue
      const known = imported.get(to)
      if (names === '*' || known === '*') imported.set(to, '*')
      else imported.set(to, new Set([...(known ?? []), ...names]))
    }
  }
  const dead = new Map<string, string[]>()
  for (const file of graph.keys()) {
    if (!file.startsWith('app/') || byConvention(file)) continue
    const used = imported.get(file)
    if (used === '*') continue
    const names = exportsOf(file)
      .filter((entry) => !used?.has(entry.name) && (entry.kind === 'value' || !entry.usedInFile))
      .map((entry) => entry.name)
    if (names.length > 0) dead.set(file, names)
  }
  return dead
}

describe('exports of app/', () => {
  const dead = deadExports()
  const listed = (file: string) => BEING_REWRITTEN.some((entry) => entry.file === file)

  it('are all imported somewhere', () => {
    expect([...dead].filter(([file]) => !listed(file)).map(([file, names]) => `${file}: ${names.join(', ')}`)).toEqual([])
  })

  it('lists as being rewritten only files that still have dead exports', () => {
    expect(BEING_REWRITTEN.map((entry) => entry.file).filter((file) => !dead.has(file))).toEqual([])
  })
})
