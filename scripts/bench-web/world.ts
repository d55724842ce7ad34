import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '#db/client'
import { OPENMESH_DAO, OPTIMISTIC, PLUGIN } from '../../app/models/testing/dao-row-fixtures'
import { generatePortalWorld, type PortalWorldSize } from '../../app/models/testing/portal-world-fixtures'

// The database `npm run bench:web` serves, written through the models' row fixtures (not the
// chain), and the pages to drive: one of each kind, picked from what was written.

export type Target = { name: string; path: string }

export const FULL_SIZE: PortalWorldSize = { tasks: 10_000, proposals: 1_000, contributors: 500 }
export const QUICK_SIZE: PortalWorldSize = { tasks: 1_000, proposals: 100, contributors: 100 }

/**
 * The deployment the seeded rows belong to, as env overrides (there is no deployment file): without
 * it the server knows no DAO, so a proposal page is a 404 and /dao lists nothing by its body.
 */
export const BENCH_DEPLOYMENT_ENV: Record<string, string> = {
  TASKS_ADDRESS: '0x00000000000000000000000000000000000000e5',
  TOKEN_VOTING_ADDRESS: PLUGIN,
  DAO_ADDRESS: OPENMESH_DAO,
  OPTIMISTIC_ACTIONS_ADDRESS: OPTIMISTIC,
}

/** The static file every page is compared with: served by the same server, through the same headers and compression. */
export const BASELINE: Target = { name: 'static file', path: '/favicon.svg' }

export function seedBenchDatabase(databasePath: string, size: PortalWorldSize, chainId: number): Target[] {
  const handle = openDatabase(databasePath)
  try {
    const world = generatePortalWorld(handle, { ...size, chainId })
    const task = world.tasks.find((candidate) => candidate.applicantsOf.length > 1) ?? world.tasks[0]!
    const proposal = world.proposalIds[Math.floor(world.proposalIds.length / 2)]!
    const lesson = firstLesson('courses')
    const searchWord = (task.title ?? 'task').split(' ')[0]!
    return [
      { name: 'home', path: '/' },
      { name: 'task board', path: '/tasks' },
      { name: 'task search', path: `/tasks?q=${encodeURIComponent(searchWord)}` },
      { name: 'task page', path: `/tasks/${chainId}/${task.taskId}` },
      { name: 'DAO', path: '/dao' },
      { name: 'proposal', path: `/dao/proposals/openmesh/${proposal}` },
      { name: 'contributors', path: '/contributors' },
      { name: 'profile', path: `/contributors/${task.manager}` },
      { name: 'courses', path: '/courses' },
      { name: 'lesson', path: `/courses/${lesson.course}/${lesson.lesson}` },
    ]
  } finally {
    handle.close()
  }
}

/** The first lesson of the first course folder (lesson files are NN-slug.mdx; courses/README.md). */
function firstLesson(coursesDir: string): { course: string; lesson: string } {
  for (const course of fs.readdirSync(coursesDir).sort()) {
    const dir = path.join(coursesDir, course)
    if (!fs.statSync(dir).isDirectory()) continue
    const file = fs.readdirSync(dir).sort().find((name) => /^\d\d-[a-z0-9-]+\.mdx$/.test(name))
    if (file) return { course, lesson: file.slice(3, -'.mdx'.length) }
  }
  throw new Error(`no lesson found in ${coursesDir}/`)
}
