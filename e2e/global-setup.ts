import type { FullConfig } from '@playwright/test'

/** Waits until the indexer has caught up with the seeded chain, so specs see the demo world. */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://localhost:3100'
  const deadline = Date.now() + 180_000
  let last = ''
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseURL}/health`)
      const body = (await res.json()) as { indexerHead: number | null; lag: number | null }
      last = JSON.stringify(body)
      if (body.indexerHead !== null && body.lag === 0) return
    } catch (error) {
      last = String(error)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the indexer did not catch up with the devnet within 180s; last /health: ${last}`)
}
