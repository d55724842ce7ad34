import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildImportGraph, REPO, type ImportEdge } from './import-graph'

// The rooms of app/ (see app/README.md) and what each may import, checked on the import graph,
// so that a newcomer's one guess stays right:
//  - the database is read and written in app/models/ only (app/db.server.ts opens it);
//  - app/ reads nothing of the indexer's internals (indexer/);
//  - the shared rooms (utils, components, http, chain-writes) know no feature, utils/ knows
//    nothing else of app/, and the other features (dao, courses) do not borrow from tasks/;
//  - every folder of app/ opens with a README.md saying what it holds.
// Tests and benchmarks may set up rows directly, so they are not held to the database rule.

/** Imports someone is removing right now (file → what it imports). The test fails once one is gone, so its entry goes with the fix. */
const BEING_REMOVED: { file: string; imports: string; by: string }[] = []

const SHARED_ROOMS = ['app/utils/', 'app/components/', 'app/http/', 'app/chain-writes/']
const FEATURE_ROOMS = ['app/tasks/', 'app/dao/', 'app/courses/', 'app/session/', 'app/models/', 'app/routes/']
const DATABASE_PACKAGES = ['drizzle-orm', 'better-sqlite3']
const DATABASE_MODULES = ['db/client.ts', 'db/content-store.ts', 'db/schema/']

type Violation = { file: string; imports: string; rule: string }

function violations(graph: ReturnType<typeof buildImportGraph>): Violation[] {
  const found: Violation[] = []
  for (const [file, edges] of graph) {
    if (!file.startsWith('app/')) continue
    const isTest = /\.(test|bench)\.tsx?$/.test(file)
    const under = (rooms: string[]) => rooms.some((room) => file.startsWith(room))
    const add = (edge: ImportEdge, rule: string) => found.push({ file, imports: edge.to ?? edge.specifier, rule })
    for (const edge of edges) {
      const to = edge.to
      if (to?.startsWith('indexer/')) add(edge, 'app/ reads the indexer through db/ and app/models/, never indexer/')
      const database = to === null ? DATABASE_PACKAGES.some((name) => edge.specifier === name || edge.specifier.startsWith(`${name}/`)) : DATABASE_MODULES.some((module) => to.startsWith(module))
      if (database && !edge.typeOnly && !isTest && !file.startsWith('app/models/') && file !== 'app/db.server.ts') {
        add(edge, 'the database is read and written in app/models/ only')
      }
      if (to && under(SHARED_ROOMS) && FEATURE_ROOMS.some((room) => to.startsWith(room))) add(edge, 'a shared room imports no feature')
      if (to?.startsWith('app/') && file.startsWith('app/utils/') && !to.startsWith('app/utils/')) add(edge, 'app/utils/ imports nothing else of app/')
      if (to?.startsWith('app/tasks/') && (file.startsWith('app/dao/') || file.startsWith('app/courses/') || under(SHARED_ROOMS))) {
        add(edge, 'only the task pages import from app/tasks/')
      }
    }
  }
  return found
}

describe('the rooms of app/', () => {
  const found = violations(buildImportGraph())
  const listed = (v: { file: string; imports: string }) => BEING_REMOVED.some((entry) => entry.file === v.file && entry.imports === v.imports)

  it('keeps each concern in its room', () => {
    expect(found.filter((v) => !listed(v)).map((v) => `${v.file} imports ${v.imports}: ${v.rule}`)).toEqual([])
  })

  it('lists only imports that still exist as being removed', () => {
    expect(BEING_REMOVED.filter((entry) => !found.some((v) => v.file === entry.file && v.imports === entry.imports))).toEqual([])
  })

  it('opens every folder of app/ with a README.md saying what it holds', () => {
    const folders: string[] = []
    const walk = (dir: string) => {
      folders.push(path.relative(REPO, dir))
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(path.join(dir, entry.name))
    }
    walk(path.join(REPO, 'app'))
    const missing = folders.filter((folder) => {
      const readme = path.join(REPO, folder, 'README.md')
      return !fs.existsSync(readme) || fs.readFileSync(readme, 'utf8').trim().split('\n')[0]!.trim().length < 10
    })
    expect(missing).toEqual([])
  })
})
