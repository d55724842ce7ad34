import type { Loaded, TaskDetail } from '~/models/task-detail.server'
import { renderOptionalMarkdown } from '~/utils/markdown.server'
import { richTextToMarkdown } from '#documents/rich-text-to-markdown'
import { isSafeLinkUrl } from '~/utils/safe-url'
import { formatTokenAmount, tokenInfo, type KnownTokens } from '~/utils/tokens'
import { usdFigure, type UsdPrice } from '~/utils/usd'
import { rewardTokens } from './decimals'
import type { ReadLink } from './metadata'
import { budgetOf, describeTaskEvent } from './timeline'

// A task as the page shows it: markdown rendered and sanitized, links checked, amounts
// formatted with their tokens, events turned into sentences. Runs in the loader, so the browser
// only ever receives sanitized HTML and plain strings.

type Reward = { nextToken: boolean; to: string; amount: string }

function safeLinks(links: ReadLink[]) {
  return links.map((link) => ({ name: link.name, url: isSafeLinkUrl(link.url) ? link.url : null }))
}

function rendered(loaded: Loaded<string>) {
  return { state: loaded.state, error: loaded.error, html: loaded.value === null ? null : renderOptionalMarkdown(loaded.value) }
}

/** "1 ETH + 250 OPEN" for an application's rewards (or "nothing"). */
function rewardLabel(
  nativeReward: { amount: string }[],
  reward: Reward[],
  budgetTokens: string[],
  known: KnownTokens,
): string {
  const tokens = rewardTokens(budgetTokens, reward)
  const parts = [
    ...nativeReward.filter((r) => r.amount !== '0').map((r) => formatTokenAmount(r.amount, tokenInfo(null, known))),
    ...reward.flatMap((r, i) => (r.amount === '0' ? [] : [formatTokenAmount(r.amount, tokenInfo(tokens[i] ?? null, known))])),
  ]
  return parts.length > 0 ? parts.join(' + ') : 'nothing'
}

type RewardHolder = { nativeReward: { amount: string }[]; reward: { nextToken: boolean; to: string; amount: string }[] }

/** One entry per reward part of an application (native parts, then ERC-20 parts), with its token. */
function rewardEntries(application: RewardHolder, budgetTokens: string[], known: KnownTokens) {
  return [
    ...application.nativeReward.map((r, i) => ({ kind: 'native' as const, index: i, left: formatTokenAmount(r.amount, tokenInfo(null, known)), ...tokenInfo(null, known) })),
    ...rewardTokens(budgetTokens, application.reward).map((token, i) => ({
      kind: 'token' as const,
      index: i,
      left: formatTokenAmount(application.reward[i]!.amount, tokenInfo(token, known)),
      ...tokenInfo(token, known),
    })),
  ]
}

/** `usdPrice`: the USD price of a budget entry's asset (null token: native), when a feed has one. */
export function presentTask(task: TaskDetail, known: KnownTokens, usdPrice: (token: string | null) => UsdPrice | undefined = () => undefined) {
  const doc = task.metadata.value
  const budgetTokens = task.budgets.flatMap((b) => (b.token ? [b.token] : []))
  const executor = task.applications.find((a) => a.applicationId === task.executorApplicationId) ?? null
  return {
    chainId: task.chainId,
    taskId: task.taskId,
    state: task.state,
    outcome: task.outcome,
    deadline: task.deadline,
    closedAt: task.closedAt,
    manager: task.manager,
    disputeManager: task.disputeManager,
    creator: task.creator,
    escrow: task.escrow,
    createdAt: task.createdAt,
    metadataUri: task.metadataUri,
    metadata: { state: task.metadata.state, error: task.metadata.error },
    title: doc?.title?.trim() ? doc.title : null,
    descriptionHtml: renderOptionalMarkdown(doc?.description),
    resourcesHtml: renderOptionalMarkdown(doc?.resources),
    resourceLinks: safeLinks(doc?.resourceLinks ?? []),
    links: safeLinks(doc?.links ?? []),
    tags: doc?.tags ?? [],
    projectSize: doc?.projectSize ?? null,
    teamSize: doc?.teamSize ?? null,
    requiredCourse: doc?.requiredCourse ?? null,
    budgets: task.budgets.map((b) => {
      const token = tokenInfo(b.token, known)
      return {
        token: b.token,
        amount: b.amount,
        label: formatTokenAmount(b.amount, token),
        symbol: token.symbol,
        decimals: token.decimals,
        /** Why a token is shown by address (unread, or it answered nonsense). */
        problem: token.problem ?? null,
        usd: usdFigure(b.amount, token, usdPrice(b.token)),
      }
    }),
    budgetOutdated: task.budgetOutdated,
    budgetTokens,
    /** What the creator escrowed at creation (the budget fields above are what the escrow holds now). */
    fundedWith: (() => {
      const created = task.timeline.find((event) => event.name === 'TaskCreated')
      return created ? budgetOf(created.args, known) : null
    })(),
    applications: task.applications.map((a) => ({
      applicationId: a.applicationId,
      applicant: a.applicant,
      accepted: a.accepted,
      preapproved: a.preapproved,
      isExecutor: a.applicationId === task.executorApplicationId,
      createdAt: a.createdAt,
      rewardLabel: rewardLabel(a.nativeReward, a.reward, budgetTokens, known),
      metadata: { state: a.metadata.state, error: a.metadata.error },
      planHtml: renderOptionalMarkdown(a.metadata.value?.plan),
      backgroundHtml: renderOptionalMarkdown(a.metadata.value?.background),
      teamSize: a.metadata.value?.teamSize ?? null,
      /** Per reward entry, what the increase-reward form asks for. */
      entries: rewardEntries(a, budgetTokens, known),
    })),
    executor: executor
      ? {
          applicationId: executor.applicationId,
          applicant: executor.applicant,
          nativeReward: executor.nativeReward,
          reward: executor.reward,
          rewardLabel: rewardLabel(executor.nativeReward, executor.reward, budgetTokens, known),
          /** Per reward entry, what the partial payment and dispute forms ask for. */
          entries: rewardEntries(executor, budgetTokens, known),
        }
      : null,
    submissions: task.submissions.map((s) => ({
      submissionId: s.submissionId,
      submitter: s.submitter,
      judgement: s.judgement,
      createdAt: s.createdAt,
      reviewedAt: s.reviewedAt,
      explanation: rendered(s.explanation),
      feedback: s.feedback ? rendered(s.feedback) : null,
    })),
    cancelRequests: task.cancelRequests.map((c) => ({
      requestId: c.requestId,
      accepted: c.accepted,
      executed: c.executed,
      executedBy: c.executedBy,
      createdAt: c.createdAt,
      reason: rendered(c.reason),
    })),
    payouts: task.payouts.map((p) => ({
      kind: p.kind,
      recipient: p.recipient,
      label: formatTokenAmount(p.amount, tokenInfo(p.token, known)),
      transactionHash: p.transactionHash,
      paidAt: p.paidAt,
    })),
    timeline: task.timeline.map((event) => ({
      key: `${event.blockNumber}-${event.logIndex}`,
      name: event.name,
      sentence: describeTaskEvent(event.name, event.args, known),
      timestamp: event.timestamp,
      blockNumber: event.blockNumber,
      transactionHash: event.transactionHash,
    })),
    /** The edit form starts from the current document. */
    editDefaults: doc
      ? {
          title: doc.title ?? '',
          // The form takes markdown; the document holds the editors' HTML.
          description: richTextToMarkdown(doc.description ?? ''),
          tags: (doc.tags ?? []).join(', '),
          projectSize: doc.projectSize === undefined ? '' : String(doc.projectSize),
          teamSize: doc.teamSize === undefined ? '' : String(doc.teamSize),
          resources: richTextToMarkdown(doc.resources ?? ''),
          links: doc.links.length > 0 ? doc.links : [{ name: '', url: '' }],
          requiredCourse: doc.requiredCourse ?? '',
        }
      : null,
  }
}

export type PresentedTask = ReturnType<typeof presentTask>
