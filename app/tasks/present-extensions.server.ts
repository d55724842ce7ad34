import type { Db } from '#db/client'
import { actionPath, bodyName, proposalPath } from '~/dao/bodies'
import { getGoverningBodies } from '~/dao/bodies.server'
import { getProjectOfTask } from '~/models/rfps.server'
import { listTaskDisputes } from '~/models/task-disputes.server'
import { getDraftOfTask } from '~/models/task-drafts.server'
import type { PresentedDispute } from '~/tasks/components/task-disputes'
import type { TaskOrigin } from '~/tasks/components/task-origin'
import { renderOptionalMarkdown } from '~/utils/markdown.server'
import { formatTokenAmount, NATIVE_TOKEN, type TokenInfo } from '~/utils/tokens'

// A task's disputes as its page shows them: the body rendered and sanitized, the amounts in whole
// units, each dispute's action and resolving proposals linked to their DAO pages; and where the
// task came from.

type RewardEntry = { kind: 'native' | 'token'; index: number } & TokenInfo

/** `entries`: the executor's reward entries with their tokens, as the task page has them. */
export function presentTaskDisputes(db: Db, chainId: number, taskId: number, entries: readonly RewardEntry[]): PresentedDispute[] {
  const label = (kind: RewardEntry['kind'], amounts: string[]) =>
    amounts.flatMap((amount, index) => {
      const token = entries.find((e) => e.kind === kind && e.index === index) ?? (kind === 'native' ? NATIVE_TOKEN : null)
      return token ? [formatTokenAmount(amount, token)] : []
    })
  const bodies = getGoverningBodies(chainId)
  return listTaskDisputes(db, { chainId, taskId }).map(({ body, proposals, partialReward, ...dispute }) => ({
    ...dispute,
    bodyHtml: renderOptionalMarkdown(body),
    partialLabels: [...label('native', dispute.partialNativeReward), ...label('token', partialReward)],
    path: actionPath(bodies, dispute.dao, 'pessimistic', dispute.actionId),
    daoName: bodyName(bodies, dispute.dao) ?? dispute.dao,
    proposals: proposals.map((proposal) => ({ ...proposal, path: proposalPath(bodies, proposal.plugin, proposal.proposalId) })),
  }))
}

/** Where the task came from: an accepted RFP project or an approved draft (or neither). */
export function presentTaskOrigin(db: Db, chainId: number, taskId: number): TaskOrigin | null {
  const project = getProjectOfTask(db, { chainId, taskId })
  if (project) return { kind: 'rfp', path: `/rfps/${chainId}/${project.rfpId}`, ...project }
  const draft = getDraftOfTask(db, { chainId, taskId })
  if (!draft) return null
  const bodies = getGoverningBodies(chainId)
  return {
    kind: 'draft',
    path: actionPath(bodies, draft.dao, 'pessimistic', draft.actionId),
    actionId: draft.actionId,
    daoName: bodyName(bodies, draft.dao) ?? draft.dao,
    title: draft.title ?? draft.taskTitle,
  }
}

/** The path of `account`'s pessimistic actions, to which an action id is appended (a dispute just opened). */
export function pessimisticActionsPrefix(chainId: number, account: string): string {
  const path = actionPath(getGoverningBodies(chainId), account, 'pessimistic', 0)
  return path.slice(0, path.lastIndexOf('/') + 1)
}
