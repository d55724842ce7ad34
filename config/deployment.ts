import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { departmentNames } from './departments'
import { ConfigError, type Env } from './env'

// Where Openmesh's contracts live on a chain. On the devnet `npm start` deploys them and writes
// `.data/devnet/deployment.json`; for a real chain the addresses come from env (they win) or from
// the committed `contracts-abi/deployments/<chainId>.json` (kept equal to the reference
// deployments by config/reference-deployments.test.ts).
//
// A start block is the first block with the contract's code. `null` means unknown: the indexer
// finds it at first start (indexer/sync/start-blocks.ts) and stores it, rather than scanning from 0.

const hexAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/).transform((v) => v as `0x${string}`)
const contractSchema = z.object({ address: hexAddress, startBlock: z.number().int().min(0).nullable() })

const departmentSchema = z.object({
  name: z.enum(departmentNames),
  /** The department's smart account: the dispute manager of tasks, the `dao` of its trustless actions. */
  smartAccount: contractSchema,
  /** The Aragon DAO that owns the smart account, and its TagVoting plugin (not on every chain). */
  dao: contractSchema.optional(),
  tagVoting: contractSchema.optional(),
})

const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  contracts: z.object({
    tasks: contractSchema,
    rfps: contractSchema.optional(),
    taskDisputes: contractSchema.optional(),
    taskDrafts: contractSchema.optional(),
    verifiedContributor: contractSchema.optional(),
    tagManager: contractSchema.optional(),
    /** The Openmesh DAO (all OVC holders) and its TokenVoting plugin. */
    dao: contractSchema.optional(),
    tokenVoting: contractSchema.optional(),
    optimisticActions: contractSchema.optional(),
    pessimisticActions: contractSchema.optional(),
    addressTrustlessManagement: contractSchema.optional(),
    erc721CountTrustlessManagement: contractSchema.optional(),
    tagTrustlessManagement: contractSchema.optional(),
    openToken: contractSchema.optional(),
    usdc: contractSchema.optional(),
  }),
  departments: z.array(departmentSchema).default([]),
  /** The deployment's other addresses (installers, factories, cross-chain accounts, tokens), by name: listed, not read. */
  others: z.record(z.string(), hexAddress).default({}),
})
export type Deployment = z.infer<typeof deploymentSchema>
export type DeployedContract = z.infer<typeof contractSchema>
export type DeploymentContractKey = keyof Deployment['contracts']
export type DeployedDepartment = z.infer<typeof departmentSchema>

export function devnetDeploymentPath(dataDir: string): string {
  return path.join(dataDir, 'devnet', 'deployment.json')
}

export function committedDeploymentPath(chainId: number): string {
  return path.resolve('contracts-abi', 'deployments', `${chainId}.json`)
}

/** Validates a deployment read from anywhere (a file, a test): the first problem is named. */
export function parseDeployment(value: unknown, source: string): Deployment {
  const parsed = deploymentSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${source} is not a valid deployment: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`)
  }
  return parsed.data
}

// Pages resolve the deployment several times per request: a file is parsed again only when it
// changed (a devnet redeploy rewrites it), found by its modification time and size.
const parsedFiles = new Map<string, { mtimeMs: number; size: number; deployment: Deployment }>()

export function readDeploymentFile(file: string): Deployment | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat) return undefined
  const known = parsedFiles.get(file)
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.deployment
  const deployment = parseDeployment(JSON.parse(fs.readFileSync(file, 'utf8')), file)
  parsedFiles.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, deployment })
  return deployment
}

export function writeDeploymentFile(file: string, deployment: Deployment): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(deployment, null, 2) + '\n')
  fs.renameSync(tmp, file)
}

function deploymentFileFor(env: Env, chainId: number): Deployment | undefined {
  if (env.DEPLOYMENT_FILE) {
    const deployment = readDeploymentFile(env.DEPLOYMENT_FILE)
    if (!deployment) throw new ConfigError(`invalid configuration: DEPLOYMENT_FILE ${env.DEPLOYMENT_FILE} does not exist`)
    if (deployment.chainId !== chainId) throw new ConfigError(`invalid configuration: DEPLOYMENT_FILE ${env.DEPLOYMENT_FILE} is a deployment on chain ${deployment.chainId}, not ${chainId}`)
    return deployment
  }
  return env.RPC_URL ? readDeploymentFile(committedDeploymentPath(chainId)) : readDeploymentFile(devnetDeploymentPath(env.DATA_DIR))
}

/** The deployment the app and the indexer use for this configuration, or undefined if none is known yet. */
export function resolveDeployment(env: Env, chainId: number): Deployment | undefined {
  const base = deploymentFileFor(env, chainId)
  const fromEnv = (address: `0x${string}` | undefined, startBlock: number | undefined, fallback?: DeployedContract) =>
    address ? { address, startBlock: startBlock ?? null } : fallback
  const tasks = fromEnv(env.TASKS_ADDRESS, env.TASKS_START_BLOCK, base?.contracts.tasks)
  if (!tasks) return undefined
  return {
    chainId,
    contracts: {
      ...base?.contracts,
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
    departments: base?.departments ?? [],
    others: base?.others ?? {},
  }
}
