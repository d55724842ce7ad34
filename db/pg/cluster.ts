import path from 'node:path'
import pg from 'pg'
import { isPortFree } from '#devnet/anvil'
import { openPgDatabase } from './client'
import { waitForStreamingReplicas } from './replication'
import { initPrimary, initReplica, startServer, type PgServer } from './server'

// A PostgreSQL primary and one streaming replica on this machine (`npm run start:cluster`):
// <dir>/primary and <dir>/replica, 127.0.0.1 only, reused on the next start. Migrations run on
// the primary; the replica, made by pg_basebackup -R, follows it by streaming replication.

export type Cluster = { primary: PgServer; replica: PgServer; stop: () => Promise<void> }

export class ClusterError extends Error {}

export async function startCluster(options: { dir: string; primaryPort: number; replicaPort: number; log?: (line: string) => void }): Promise<Cluster> {
  const log = options.log ?? (() => {})
  for (const port of [options.primaryPort, options.replicaPort]) {
    if (!(await isPortFree(port))) throw new ClusterError(`port ${port} is already in use: choose other cluster ports`)
  }
  const started: PgServer[] = []
  const stop = async () => {
    for (const server of started.reverse()) await server.stop()
  }
  try {
    const primaryDir = path.join(options.dir, 'primary')
    await initPrimary(primaryDir)
    const primary = await startServer(primaryDir, options.primaryPort)
    started.push(primary)
    log(`primary  ${primary.url()} (data in ${primaryDir})`)

    const migrated = await openPgDatabase(primary.url())
    await migrated.close()
    log('migrations applied on the primary')

    const replicaDir = path.join(options.dir, 'replica')
    await initReplica(replicaDir, primary.port)
    const replica = await startServer(replicaDir, options.replicaPort)
    started.push(replica)

    const client = new pg.Client({ connectionString: primary.url() })
    await client.connect()
    try {
      await waitForStreamingReplicas(client, 1)
    } finally {
      await client.end()
    }
    log(`replica  ${replica.url()} (streaming, caught up; data in ${replicaDir})`)
    return { primary, replica, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
