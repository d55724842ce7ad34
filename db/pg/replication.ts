import type pg from 'pg'

// Streaming replication, seen from the portal: where the primary's WAL is, whether a replica
// streams and has replayed up to a position. A web instance that must show a user their own write
// on a replica waits for the replica to pass the write's position (issue 26, point 4).

/** The primary's current WAL position (after a write: the position a replica must replay to show it). */
export async function walPosition(primary: pg.Pool | pg.Client): Promise<string> {
  const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
  return rows[0]!.lsn
}

/** Waits until a replica has replayed the WAL up to `lsn`; throws after `timeoutMs`. */
export async function waitForReplay(replica: pg.Pool | pg.Client, lsn: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await replica.query<{ done: boolean }>('SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done', [lsn])
    if (rows[0]!.done) return
    if (Date.now() > deadline) throw new Error(`the replica has not replayed the primary's WAL up to ${lsn} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Waits until the primary has `count` replicas streaming and caught up with its current WAL. */
export async function waitForStreamingReplicas(primary: pg.Pool | pg.Client, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await primary.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_replication WHERE state = 'streaming' AND replay_lsn >= pg_current_wal_lsn()",
    )
    if (Number(rows[0]!.n) >= count) return
    if (Date.now() > deadline) throw new Error(`${count} replica(s) did not stream and catch up within ${timeoutMs} ms (pg_stat_replication)`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
