import type { ChainDigest } from '../digest'
import { projectionSpecs } from '../store/tables'

/**
 * The projection tables a digest has no row in. The rebuild, reorg, crash and fault tests index
 * the workload's traffic; an empty table would be one they do not cover.
 */
export function emptyProjections(digest: ChainDigest): string[] {
  return [...projectionSpecs.values()].map((spec) => spec.sqlName).filter((table) => (digest.tables[table]?.rows ?? 0) === 0)
}
