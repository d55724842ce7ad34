import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Env } from './env'

// Where the portal's contracts live on a chain. On the devnet `npm start` deploys them and
// writes `.data/devnet/deployment.json`; for a real chain the addresses come from env
// (they win) or from the committed `contracts-abi/deployments/<chainId>.json`.

const hexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/).transform((v) => v as `0x${string}`)
const contractSchema = z.object({ address: hexAddress, startBlock: z.number().int().min(0) })

const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  contracts: z.object({
    tasks: contractSchema,
    verifiedContributor: contractSchema.optional(),
    tokenVoting: contractSchema.optional(),
    optimisticActions: contractSchema.optional(),
    dao: contractSchema.optional(),
    openToken: contractSchema.optional(),
  }),
})
export type Deployment = z.infer<typeof deploymentSchema>
type DeployedContract = z.infer<typeof contractSchema>

export function devnetDeploymentPath(dataDir: string): string {
  return path.join(dataDir, 'devnet', 'deployment.json')
}

function committedDeploymentPath(chainId: number): string {
  return path.resolve('contracts-abi', 'deployments', `${chainId}.json`)
}

export function readDeploymentFile(file: string): Deployment | undefined {
  if (!fs.existsSync(file)) return undefined
  const parsed = deploymentSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${file} is not a valid deployment file: ${parsed.error.issues[0]?.message}`)
  return parsed.data
}

export function writeDeploymentFile(file: string, deployment: Deployment): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(deployment, null, 2) + '\n')
  fs.renameSync(tmp, file)
}

/** The deployment the app and the indexer use for this configuration, or undefined if none is known yet. */
export function resolveDeployment(env: Env, chainId: number): Deployment | undefined {
  const base = env.RPC_URL
    ? readDeploymentFile(committedDeploymentPath(chainId))
    : readDeploymentFile(devnetDeploymentPath(env.DATA_DIR))
  const fromEnv = (address: `0x${string}` | undefined, startBlock: number | undefined, fallback?: DeployedContract) =>
    address ? { address, startBlock: startBlock ?? 0 } : fallback
  const tasks = fromEnv(env.TASKS_ADDRESS, env.TASKS_START_BLOCK, base?.contracts.tasks)
  if (!tasks) return undefined
  return {
    chainId,
    contracts: {
      tasks,
      verifiedContributor: fromEnv(
        env.VERIFIED_CONTRIBUTOR_ADDRESS,
        env.VERIFIED_CONTRIBUTOR_START_BLOCK,
        base?.contracts.verifiedContributor,
      ),
      tokenVoting: fromEnv(env.TOKEN_VOTING_ADDRESS, env.TOKEN_VOTING_START_BLOCK, base?.contracts.tokenVoting),
      optimisticActions: fromEnv(
        env.OPTIMISTIC_ACTIONS_ADDRESS,
        env.OPTIMISTIC_ACTIONS_START_BLOCK,
        base?.contracts.optimisticActions,
      ),
      dao: fromEnv(env.DAO_ADDRESS, undefined, base?.contracts.dao),
      openToken: fromEnv(env.OPEN_TOKEN_ADDRESS, undefined, base?.contracts.openToken),
    },
  }
}
