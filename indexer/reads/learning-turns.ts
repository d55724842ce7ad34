// The backfill fetches several ranges at once, and their answers come back in any order. A
// range's escrow reads need each task's escrow and budget tokens, which the read planner learns
// from TaskCreated events as it meets them. A task created in the range before is then often
// still unknown when a later range plans its reads: the planner asks the node for the whole task
// (getTask, pinned to an old block), which costs ~2 ms a task on anvil and far more on a remote
// archive node, and holds that range, and the writer behind it, up.
//
// Turns make the learning happen in the order the ranges were asked for: a range first learns
// from its own events, then waits until every range asked for before it has learned too (or
// failed), and only then plans its reads. It never waits for another range's reads or writes,
// and a range cannot be written before the ones before it anyway.

export type LearningTurn = {
  /** This range has learned what its events teach (or failed): later ranges may go on. Idempotent. */
  learned: () => void
  /** Resolves once every range that took a turn before this one has learned. */
  previousLearned: Promise<void>
}

export function createLearningTurns() {
  let allLearned: Promise<void> = Promise.resolve()
  return {
    /** Takes the next turn: call it in the order the ranges are asked for. */
    take(): LearningTurn {
      const previousLearned = allLearned
      let learned!: () => void
      const mine = new Promise<void>((resolve) => (learned = resolve))
      allLearned = previousLearned.then(() => mine)
      return { learned, previousLearned }
    },
  }
}

export type LearningTurns = ReturnType<typeof createLearningTurns>
