import path from 'node:path'
import { ConfigError, loadDotEnvFile, loadEnv } from '#config/env'
import { ClusterError, startCluster, type Cluster } from '#db/pg/cluster'
import { isRunning } from '#db/pg/server'

// `npm run start:cluster`: a PostgreSQL primary and one streaming replica in DATA_DIR/cluster/
// (docs/deploy.md). Ctrl-C (or SIGTERM) stops both, replica first. What the cluster does not run
// yet — the indexer and web instances on PostgreSQL (issue 26) — docs/deploy.md says.

let cluster: Cluster | undefined
let stopping = false

async function main() {
  loadDotEnvFile()
  const env = loadEnv()
  const dir = path.join(env.DATA_DIR, 'cluster')
  process.once('SIGINT', () => void shutdown(0))
  process.once('SIGTERM', () => void shutdown(0))
  cluster = await startCluster({
    dir,
    primaryPort: env.CLUSTER_PRIMARY_PORT,
    replicaPort: env.CLUSTER_REPLICA_PORT,
    log: (line) => console.log(line),
  })
  if (stopping) return shutdown(0)
  watch(cluster)
  console.log(
    [
      '',
      'PostgreSQL cluster is running (a primary and one streaming replica, 127.0.0.1 only)',
      `  primary  ${cluster.primary.url()}   (writes, migrations)`,
      `  replica  ${cluster.replica.url()}   (reads)`,
      'Not on this cluster yet: the indexer and the web server still run on SQLite (docs/deploy.md).',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  )
}

/** Checks the servers every few seconds (which also keeps this process alive): one gone stops the other. */
function watch({ primary, replica }: Cluster) {
  const timer = setInterval(() => {
    void (async () => {
      for (const server of [primary, replica]) {
        if (stopping || (await isRunning(server.dataDir))) continue
        console.error(`the PostgreSQL server in ${server.dataDir} stopped unexpectedly (its server.log says why); stopping the cluster`)
        clearInterval(timer)
        return shutdown(1)
      }
    })()
  }, 5_000)
}

async function shutdown(code: number) {
  if (stopping && code === 0) return
  stopping = true
  try {
    await cluster?.stop()
    if (cluster) console.log('PostgreSQL cluster stopped')
  } catch (error) {
    console.error(`stopping the cluster failed: ${error instanceof Error ? error.message : String(error)}`)
    code = 1
  }
  process.exit(code)
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof ClusterError
  console.error(known ? (error as Error).message : error)
  void shutdown(1)
})
