import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { envVariable } from '#config/env'

// A PostgreSQL server run from the machine's binaries (initdb, pg_ctl, pg_basebackup): the
// tests' throwaway servers and `npm run start:cluster` both start theirs here, so there is one
// way of making a cluster: 127.0.0.1 and a unix socket in the data directory, trust auth for
// local connections only, a UTF-8 locale (the full-text search's tokenising depends on it).

const run = promisify(execFile)

/** Where PostgreSQL's server binaries are: PG_BIN_DIR, else Debian's PostgreSQL 15. */
export function pgBinDir(): string {
  const dir = envVariable('PG_BIN_DIR')
  if (!fs.existsSync(path.join(dir, 'initdb'))) {
    throw new Error(`PostgreSQL binaries not found in ${dir} (set PG_BIN_DIR to the directory holding initdb and pg_ctl)`)
  }
  return dir
}

const bin = (name: string) => path.join(pgBinDir(), name)

/**
 * PostgreSQL refuses to run as root: a root process (a container's default user) runs the server
 * binaries as the `postgres` system user and hands it the data directories.
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    return { uid, gid }
  } catch {
    throw new Error('running as root: PostgreSQL needs an unprivileged `postgres` system user to run as, and there is none')
  }
}

/** Runs a server binary (as the `postgres` user when we are root). */
const pgRun = (name: string, args: string[]) => run(bin(name), args, { ...serverUser() })

/** Makes a directory the server user may own (its data directory, or where one will be made). */
function makeServerDir(dir: string, mode = 0o700): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true })
  fs.mkdirSync(dir, { recursive: true, mode })
  const user = serverUser()
  if (user) fs.chownSync(dir, user.uid, user.gid)
}

export type PgServer = {
  dataDir: string
  port: number
  /** A postgres:// URL of the `postgres` database over TCP on 127.0.0.1. */
  url: (database?: string) => string
  stop: () => Promise<void>
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const USER = 'portal'

/** Creates a primary's data directory (initdb) unless it exists, with replication allowed from 127.0.0.1. */
export async function initPrimary(dataDir: string): Promise<void> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return
  makeServerDir(dataDir)
  await pgRun('initdb', ['-D', dataDir, '-U', USER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions'])
  // Trust only for local sockets and 127.0.0.1: the server never listens elsewhere (listen_addresses).
  fs.writeFileSync(
    path.join(dataDir, 'pg_hba.conf'),
    ['local all all trust', 'host all all 127.0.0.1/32 trust', 'local replication all trust', 'host replication all 127.0.0.1/32 trust', ''].join('\n'),
  )
  fs.appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    ['', '# openmesh-portal', "listen_addresses = '127.0.0.1'", 'wal_level = replica', 'max_wal_senders = 5', 'hot_standby = on', 'fsync = on', ''].join('\n'),
  )
}

/** Makes a streaming replica of a running primary (pg_basebackup -R writes standby.signal and primary_conninfo). */
export async function initReplica(dataDir: string, primaryPort: number): Promise<void> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return
  makeServerDir(dataDir)
  await pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', USER, '-D', dataDir, '-R', '-X', 'stream', '--checkpoint=fast'])
}

/** Starts the server of a data directory on a port and waits until it accepts connections. */
export async function startServer(dataDir: string, port: number): Promise<PgServer> {
  const socketDir = path.resolve(dataDir)
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1`
  await pgRun('pg_ctl', ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'])
  let stopped = false
  return {
    dataDir,
    port,
    url: (database = 'postgres') => `postgres://${USER}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return
      stopped = true
      try {
        await pgRun('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'])
      } catch (error) {
        // A terminal's Ctrl-C reaches the server too (same process group): it may be gone already.
        if (await isRunning(dataDir)) throw error
      }
    },
  }
}

/** Whether a data directory's server runs (pg_ctl status). */
export async function isRunning(dataDir: string): Promise<boolean> {
  try {
    await pgRun('pg_ctl', ['-D', dataDir, 'status'])
    return true
  } catch {
    return false
  }
}

/** Stops a data directory's server if one runs (pg_ctl status), synchronously: for exit handlers. */
export function stopServerSync(dataDir: string): void {
  try {
    execFileSync(bin('pg_ctl'), ['-D', dataDir, 'status'], { stdio: 'ignore', ...serverUser() })
  } catch {
    return
  }
  execFileSync(bin('pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], { stdio: 'ignore', ...serverUser() })
}

/** A throwaway primary in a directory of its own (tests): initdb, start on a free port. */
export async function startTemporaryServer(dir: string): Promise<PgServer> {
  const dataDir = path.join(dir, 'pg')
  // mkdtemp makes its directory private to us: the server user must be able to pass through it.
  if (serverUser()) fs.chmodSync(dir, 0o711)
  await initPrimary(dataDir)
  return startServer(dataDir, await freePort())
}
