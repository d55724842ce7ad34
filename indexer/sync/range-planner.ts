// How many blocks the next eth_getLogs asks for. Grows while answers stay small, aims at a target
// number of logs per request from the observed density, and halves on "too many results",
// response-size errors and timeouts (keeping a ceiling for a while, so it does not grow straight back).

export type RangePlannerOptions = {
  initialBlocks?: number
  minBlocks?: number
  maxBlocks?: number
  /** Logs per request the planner aims at: big enough to amortise the round trip, small enough to stay fast. */
  targetLogs?: number
}

export function createRangePlanner(options: RangePlannerOptions = {}) {
  const min = options.minBlocks ?? 1
  const max = options.maxBlocks ?? 50_000
  const targetLogs = options.targetLogs ?? 5_000
  let size = Math.min(max, Math.max(min, options.initialBlocks ?? 500))
  let ceiling = max
  let successesSinceShrink = 0

  return {
    size: () => size,
    ceiling: () => ceiling,
    onSuccess(blocks: number, logs: number) {
      successesSinceShrink++
      // Lift the ceiling again slowly after a run of successes.
      if (successesSinceShrink >= 20 && ceiling < max) {
        ceiling = Math.min(max, ceiling * 2)
        successesSinceShrink = 0
      }
      const density = logs / Math.max(1, blocks)
      const ideal = density > 0 ? Math.floor(targetLogs / density) : size * 2
      size = Math.max(min, Math.min(ceiling, size * 2, ideal))
    },
    onTooLarge(blocks: number) {
      successesSinceShrink = 0
      ceiling = Math.max(min, Math.floor(blocks / 2))
      size = Math.min(size, ceiling)
    },
  }
}

export type RangePlanner = ReturnType<typeof createRangePlanner>
