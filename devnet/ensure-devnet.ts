import path from 'node:path'
import type { Env } from '#config/env'
import { devnetDeploymentPath, readDeploymentFile, writeDeploymentFile, type Deployment } from '#config/deployment'
import { openDatabase } from '#db/client'
import { resetChainProjection } from '#db/reset-chain'
import { DEVNET_CHAIN_ID, isPortFree, startAnvil, type Anvil } from './anvil'

export class DevnetError extends Error {}

/**
 * Starts anvil with its state in DATA_DIR and makes sure the portal is deployed on it:
 * a chain that already has the recorded deployment is reused as is; a fresh chain gets the
 * contracts and the seeded demo world, and the old chain's indexed rows are dropped.
 */
export async function ensureDevnet(env: Env, log: (line: string) => void): Promise<{ anvil: Anvil; deployment: Deployment }> {
  if (!(await isPortFree(env.ANVIL_PORT, '127.0.0.1'))) {
    throw new DevnetError(
      `port ${env.ANVIL_PORT} is already in use (anvil): set ANVIL_PORT to a free port, or RPC_URL to use a running chain`,
    )
  }
  const anvil = await startAnvil({
    port: env.ANVIL_PORT,
    chainId: DEVNET_CHAIN_ID,
    statePath: path.join(env.DATA_DIR, 'anvil', 'state.json'),
  })
  try {
    const deploymentFile = devnetDeploymentPath(env.DATA_DIR)
    const existing = readDeploymentFile(deploymentFile)
    if (existing && (await hasCode(anvil.rpcUrl, existing.contracts.tasks.address))) {
      log(`devnet: reusing the deployment in ${deploymentFile}`)
      return { anvil, deployment: existing }
    }
    log('devnet: deploying the portal contracts and seeding demo data…')
    const started = Date.now()
    const { deployPortal } = await import('./deploy')
    const { seedDemoWorld } = await import('./seed')
    const deployment = await deployPortal({ rpcUrl: anvil.rpcUrl })
    const handle = openDatabase(env.databasePath)
    try {
      resetChainProjection(handle.db, DEVNET_CHAIN_ID)
      const summary = await seedDemoWorld({ rpcUrl: anvil.rpcUrl, deployment, db: handle.db })
      log(`devnet: seeded in ${((Date.now() - started) / 1000).toFixed(1)}s ${JSON.stringify(summary)}`)
    } finally {
      handle.close()
    }
    // Written last: a crash mid-seed means the next start deploys again on a fresh chain.
    writeDeploymentFile(deploymentFile, deployment)
    return { anvil, deployment }
  } catch (error) {
    await anvil.stop()
    throw error
  }
}

async function hasCode(rpcUrl: string, address: string): Promise<boolean> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getCode', params: [address, 'latest'] }),
  })
  const body = (await res.json()) as { result?: string }
  return typeof body.result === 'string' && body.result.length > 2
}
