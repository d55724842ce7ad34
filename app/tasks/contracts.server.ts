import { resolveDeployment } from '#config/deployment'
import { getEnv } from '~/env.server'
import type { TaskContracts } from './write-context'

export type { TaskContracts }

/** The contracts the task pages write to, or null when nothing is deployed (yet) on this chain. */
export function getTaskContracts(chainId: number): TaskContracts | null {
  const deployment = resolveDeployment(getEnv(), chainId)
  if (!deployment) return null
  const { contracts } = deployment
  return {
    chainId,
    tasks: contracts.tasks.address,
    openToken: contracts.openToken?.address ?? null,
    dao: contracts.dao?.address ?? null,
    tokenVoting: contracts.tokenVoting?.address ?? null,
  }
}
