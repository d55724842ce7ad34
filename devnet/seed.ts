import {
  createPublicClient,
  decodeErrorResult,
  encodeFunctionData,
  http,
  maxUint256,
  parseEther,
  parseGwei,
  toHex,
  type Abi,
  type Address,
  type Hex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import {
  daoAbi,
  openTokenAbi,
  optimisticActionsAbi,
  tasksAbi,
  tokenVotingAbi,
  verifiedContributorAbi,
} from '../contracts-abi'
import type { Deployment } from '../config/deployment'
import type { Db } from '../db/client'
import { putJsonDocument } from '../db/content-store'
import { devnetAccounts } from './accounts'
import { DEVNET_OPTIMISTIC_EXECUTE_DELAY } from './deploy'
import { optimisticSpecs, ovcMetadata, proposalSpecs, type ProposalAction } from './world/governance'
import { acceptanceFeedback, backgrounds, cancelReasons, rejectionFeedback, submissionTexts } from './world/people'
import { taskSpecs, type TaskSpec } from './world/tasks'

// Seeds the devnet with a believable world: ten contributors, five founding OVC holders with
// delegated votes, tasks in every state with ETH and OPEN budgets, proposals that passed, failed,
// were executed or are still open, and optimistic actions pending, rejected and executed.
// Metadata documents go to the local content store; the chain holds their ipfs:// URIs.
//
// Speed: anvil mines each transaction as it arrives, so transactions are signed locally with
// tracked nonces and fixed gas and sent without waiting; receipts are checked in bulk at the end of
// each phase. Ids (tasks, applications, proposals, actions) are sequential, so they are computed
// rather than read back. The clock moves once, by the optimistic delay plus a minute, to put the
// first proposals past their voting period and the first actions past their delay.

export type SeedSummary = {
  contributors: number
  members: number
  tasks: number
  tasksByState: { open: number; taken: number; closed: number }
  proposals: number
  optimisticActions: number
  documents: number
  transactions: number
}

const GAS = 3_000_000n
const MAX_FEE = parseGwei('50')
const PRIORITY_FEE = parseGwei('1')
const DAY = 24 * 60 * 60

type From = number | Address
type Sent = { hash: Hex; label: string; from: Address; to: Address; data: Hex; value: bigint; abi: Abi }

export async function seedDemoWorld(args: { rpcUrl: string; deployment: Deployment; db: Db }): Promise<SeedSummary> {
  const { deployment, db } = args
  const client = createPublicClient({ transport: http(args.rpcUrl), pollingInterval: 10 })
  const rpc = <T>(method: string, params: unknown[] = []) => client.request({ method, params } as never) as Promise<T>
  const contracts = requireContracts(deployment)
  const accounts = devnetAccounts.map((a) => privateKeyToAccount(a.privateKey))
  const address = (i: number): Address => accounts[i]!.address
  const chainId = deployment.chainId

  // ------------------------------------------------------------ transaction plumbing
  const nonces = new Map<Address, number>()
  const pending: Sent[] = []
  let transactions = 0
  let documents = 0

  async function nextNonce(of: Address): Promise<number> {
    const known = nonces.get(of) ?? (await client.getTransactionCount({ address: of, blockTag: 'pending' }))
    nonces.set(of, known + 1)
    return known
  }

  async function send(
    from: From,
    to: Address,
    abi: Abi,
    functionName: string,
    fnArgs: readonly unknown[],
    options: { value?: bigint; label?: string } = {},
  ): Promise<void> {
    const data = encodeFunctionData({ abi, functionName, args: fnArgs } as never)
    const value = options.value ?? 0n
    let hash: Hex
    let sender: Address
    if (typeof from === 'number') {
      const account = accounts[from]!
      sender = account.address
      const signed = await account.signTransaction({
        chainId,
        type: 'eip1559',
        to,
        data,
        value,
        nonce: await nextNonce(sender),
        gas: GAS,
        maxFeePerGas: MAX_FEE,
        maxPriorityFeePerGas: PRIORITY_FEE,
      })
      hash = await rpc<Hex>('eth_sendRawTransaction', [signed])
    } else {
      sender = from
      hash = await rpc<Hex>('eth_sendTransaction', [{ from, to, data, value: toHex(value), gas: toHex(GAS) }])
    }
    transactions++
    pending.push({ hash, label: options.label ?? functionName, from: sender, to, data, value, abi })
  }

  /** Waits for every sent transaction; a revert fails the seed with the call and its decoded error. */
  async function settle(): Promise<void> {
    const batch = pending.splice(0)
    const receipts = await Promise.all(batch.map((s) => client.waitForTransactionReceipt({ hash: s.hash })))
    for (const [i, receipt] of receipts.entries()) {
      if (receipt.status === 'success') continue
      const sent = batch[i]!
      let reason = 'no reason'
      try {
        await client.call({ account: sent.from, to: sent.to, data: sent.data, value: sent.value, blockNumber: receipt.blockNumber - 1n })
      } catch (error) {
        const data = (error as { walk?: (f: (e: unknown) => boolean) => { data?: Hex } | null }).walk?.(
          (e) => typeof (e as { data?: unknown }).data === 'string',
        )?.data
        try {
          reason = data ? decodeErrorResult({ abi: sent.abi, data }).errorName : String(error)
        } catch {
          reason = data ?? String(error)
        }
      }
      throw new Error(`seeding failed: "${sent.label}" (tx ${sent.hash}) reverted: ${reason}`)
    }
  }

  async function doc(value: Record<string, unknown>): Promise<string> {
    documents++
    return `ipfs://${await putJsonDocument(db, value)}`
  }

  async function chainTime(): Promise<number> {
    return Number((await client.getBlock()).timestamp)
  }

  // ------------------------------------------------------------ ids are sequential
  let nextTaskId = (await client.readContract({ address: contracts.tasks, abi: tasksAbi, functionName: 'taskCount' })) as bigint
  let nextProposalId = (await client.readContract({
    address: contracts.tokenVoting,
    abi: tokenVotingAbi,
    functionName: 'proposalCount',
  })) as bigint
  let nextActionId = (await client.readContract({
    address: contracts.optimisticActions,
    abi: optimisticActionsAbi,
    functionName: 'actionCount',
  })) as number

  // ------------------------------------------------------------ phase 1: genesis and history
  const founders = [0, 1, 2, 3, 4]
  // The founding members' OVCs are minted by the DAO itself (impersonated: the chain starts with
  // no members, so no plugin could propose it). Its gas allowance is removed again afterwards.
  await rpc('anvil_impersonateAccount', [contracts.dao])
  await rpc('anvil_setBalance', [contracts.dao, toHex(parseEther('1'))])
  const genesisMetadata = await doc(ovcMetadata.genesis)
  await send(contracts.dao, contracts.verifiedContributor, verifiedContributorAbi, 'updateMetadata', [genesisMetadata])
  for (const i of founders) {
    await send(contracts.dao, contracts.verifiedContributor, verifiedContributorAbi, 'mint', [address(i), BigInt(i + 1)])
  }
  await settle()
  await rpc('anvil_stopImpersonatingAccount', [contracts.dao])
  await rpc('anvil_setBalance', [contracts.dao, '0x0'])

  // Treasury and wallets: the deployer (Ada, account 0) holds the initial OPEN supply.
  const deposit = await accounts[0]!.signTransaction({
    chainId,
    type: 'eip1559',
    to: contracts.dao,
    value: parseEther('25'),
    nonce: await nextNonce(address(0)),
    gas: 100_000n,
    maxFeePerGas: MAX_FEE,
    maxPriorityFeePerGas: PRIORITY_FEE,
  })
  const depositHash = await rpc<Hex>('eth_sendRawTransaction', [deposit])
  pending.push({ hash: depositHash, label: 'treasury deposit', from: address(0), to: contracts.dao, data: '0x', value: parseEther('25'), abi: daoAbi })
  transactions++
  await send(0, contracts.openToken, openTokenAbi, 'transfer', [contracts.dao, parseEther('100000')])
  for (let i = 1; i < accounts.length; i++) {
    await send(0, contracts.openToken, openTokenAbi, 'transfer', [address(i), parseEther('50000')])
  }
  for (let i = 0; i < accounts.length; i++) {
    await send(i, contracts.openToken, openTokenAbi, 'approve', [contracts.tasks, maxUint256])
  }
  for (const i of founders) {
    await send(i, contracts.verifiedContributor, verifiedContributorAbi, 'delegate', [address(i)])
  }
  await settle()

  const start = await chainTime()

  // Proposals.
  const proposalIds = new Map<string, bigint>()
  const createProposal = async (spec: (typeof proposalSpecs)[number], endDate: number) => {
    const uri = await doc({ title: spec.title, summary: spec.summary, description: spec.description, resources: spec.resources })
    const actions = await Promise.all(spec.actions.map(toDaoAction))
    await send(spec.creator, contracts.tokenVoting, tokenVotingAbi, 'createProposal', [
      toHex(uri),
      actions,
      0n,
      0n,
      BigInt(endDate),
      0,
      false,
    ], { label: `propose "${spec.title}"` })
    const id = nextProposalId++
    proposalIds.set(spec.title, id)
    for (const vote of spec.votes) {
      const option = { abstain: 1, yes: 2, no: 3 }[vote.option]
      if (vote.reason) {
        await send(vote.voter, contracts.tokenVoting, tokenVotingAbi, 'voteWithReason', [id, option, true, vote.reason])
      } else {
        await send(vote.voter, contracts.tokenVoting, tokenVotingAbi, 'vote', [id, option, true])
      }
    }
  }
  const toDaoAction = async (action: ProposalAction) => {
    switch (action.kind) {
      case 'transferEth':
        return { to: address(action.to), value: parseEther(action.eth), data: '0x' as Hex }
      case 'transferOpen':
        return {
          to: contracts.openToken,
          value: 0n,
          data: encodeFunctionData({ abi: openTokenAbi, functionName: 'transfer', args: [address(action.to), parseEther(action.open)] }),
        }
      case 'updateOvcMetadata':
        return {
          to: contracts.verifiedContributor,
          value: 0n,
          data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'updateMetadata', args: [await doc(ovcMetadata.refreshed)] }),
        }
      case 'burnOvc':
        return {
          to: contracts.verifiedContributor,
          value: 0n,
          data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'burn', args: [action.tokenId] }),
        }
    }
  }
  for (const spec of proposalSpecs.filter((p) => p.outcome !== 'active')) await createProposal(spec, 0)

  // Optimistic actions created now: executed later, rejected, or left ready to execute.
  const actionIds = new Map<string, number>()
  const createAction = async (spec: (typeof optimisticSpecs)[number]) => {
    const uri = await doc({ title: spec.title, description: spec.description })
    const mint = {
      to: contracts.verifiedContributor,
      value: 0n,
      data: encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [address(spec.member), spec.tokenId] }),
    }
    await send(spec.creator, contracts.optimisticActions, optimisticActionsAbi, 'createAction', [
      contracts.verifiedContributor,
      0n,
      [mint],
      0n,
      uri,
    ], { label: `optimistic "${spec.title}"` })
    actionIds.set(spec.title, nextActionId++)
  }
  for (const spec of optimisticSpecs.filter((a) => a.outcome !== 'pending')) await createAction(spec)
  for (const spec of optimisticSpecs.filter((a) => a.outcome === 'rejected')) {
    await send(spec.rejectedBy!, contracts.optimisticActions, optimisticActionsAbi, 'rejectAction', [
      actionIds.get(spec.title)!,
      await doc({ reason: spec.rejectReason }),
    ])
  }

  // Tasks with a history; the newest open ones come after the clock moves.
  const recent = (spec: TaskSpec) => spec.scenario === 'open' || spec.scenario === 'applied'
  for (const [i, spec] of taskSpecs.entries()) if (!recent(spec)) await seedTask(spec, i, start)
  await settle()

  // ------------------------------------------------------------ phase 2: time passes
  await rpc('evm_increaseTime', [DEVNET_OPTIMISTIC_EXECUTE_DELAY + 60])
  await rpc('evm_mine')

  for (const spec of proposalSpecs.filter((p) => p.outcome === 'executed')) {
    await send(3, contracts.tokenVoting, tokenVotingAbi, 'execute', [proposalIds.get(spec.title)!], { label: `execute "${spec.title}"` })
  }
  for (const spec of optimisticSpecs.filter((a) => a.outcome === 'executed')) {
    await send(2, contracts.optimisticActions, optimisticActionsAbi, 'executeAction', [contracts.dao, actionIds.get(spec.title)!])
    await send(spec.member, contracts.verifiedContributor, verifiedContributorAbi, 'delegate', [address(spec.member)])
  }
  await settle()

  // ------------------------------------------------------------ phase 3: the present
  const now = await chainTime()
  for (const spec of proposalSpecs.filter((p) => p.outcome === 'active')) {
    await createProposal(spec, now + (spec.activeDays ?? 3) * DAY)
  }
  for (const spec of optimisticSpecs.filter((a) => a.outcome === 'pending')) await createAction(spec)
  for (const [i, spec] of taskSpecs.entries()) if (recent(spec)) await seedTask(spec, i, now)
  await settle()

  // ------------------------------------------------------------ summary, read back from the chain
  const taskIds = Array.from({ length: Number(nextTaskId) }, (_, i) => BigInt(i))
  const tasks = (await client.readContract({ address: contracts.tasks, abi: tasksAbi, functionName: 'getTasks', args: [taskIds] })) as readonly { state: number }[]
  const tasksByState = { open: 0, taken: 0, closed: 0 }
  for (const task of tasks) tasksByState[(['open', 'taken', 'closed'] as const)[task.state]!]++
  return {
    contributors: devnetAccounts.length,
    members: founders.length + optimisticSpecs.filter((a) => a.outcome === 'executed').length,
    tasks: tasks.length,
    tasksByState,
    proposals: proposalSpecs.length,
    optimisticActions: optimisticSpecs.length,
    documents,
    transactions,
  }

  // ------------------------------------------------------------ one task, played to its scenario
  async function seedTask(spec: TaskSpec, index: number, from: number): Promise<void> {
    const taskId = nextTaskId++
    const manager = spec.creator
    const disputeManager = spec.creator === 0 ? 1 : 0
    const eth = spec.eth ? parseEther(spec.eth) : 0n
    const open = spec.open ? parseEther(spec.open) : 0n
    // An overdue task gets a five-minute deadline; phase 2 moves the clock past it.
    const deadline = spec.scenario === 'overdue' ? from + 5 * 60 : from + spec.deadlineDays * DAY
    const rewardFor = (applicant: number, share: bigint) => ({
      nativeReward: eth ? [{ to: address(applicant), amount: (eth * share) / 100n }] : [],
      reward: open ? [{ nextToken: true, to: address(applicant), amount: (open * share) / 100n }] : [],
    })
    const taskDoc = await doc({
      title: spec.title,
      tags: spec.tags.map((tag) => ({ tag })),
      projectSize: spec.projectSize,
      teamSize: spec.teamSize,
      description: `${spec.summary}\n\n## Deliverables\n${spec.deliverables.map((d) => `- ${d}`).join('\n')}\n\n## How to apply\nTell us how you would approach it, how long it would take, and what you have built before.`,
      resources: spec.resources,
      links: spec.links,
      ...(spec.requiredCourse ? { requiredCourse: spec.requiredCourse } : {}),
    })
    const preapproved = spec.scenario === 'preapproved'
    await send(spec.creator, contracts.tasks, tasksAbi, 'createTask', [
      taskDoc,
      BigInt(deadline),
      address(manager),
      address(disputeManager),
      open ? [{ tokenContract: contracts.openToken, amount: open }] : [],
      preapproved ? [{ applicant: address(spec.applicants[0]!), ...rewardFor(spec.applicants[0]!, 100n) }] : [],
    ], { value: eth, label: `create task "${spec.title}"` })
    if (preapproved || spec.scenario === 'open') return

    if (spec.scenario === 'cancelled') {
      await send(manager, contracts.tasks, tasksAbi, 'cancelTask', [taskId, await doc({ reason: cancelReasons.open })])
      return
    }

    for (const [n, applicant] of spec.applicants.entries()) {
      const { nativeReward, reward } = rewardFor(applicant, n === 0 ? 100n : 90n)
      const application = await doc({
        teamSize: spec.teamSize,
        plan: `${spec.deliverables.map((d, k) => `${k + 1}. ${d}`).join('\n')}\n\nI would start with the first item and share a draft within a week${n > 0 ? ', and I can do it for 10% less than the budget' : ''}.`,
        background: backgrounds[applicant] ?? '',
      })
      await send(applicant, contracts.tasks, tasksAbi, 'applyForTask', [taskId, application, nativeReward, reward])
    }
    if (spec.scenario === 'applied') return

    const executor = spec.applicants[0]!
    await send(manager, contracts.tasks, tasksAbi, 'acceptApplications', [taskId, [0]])
    if (spec.scenario === 'accepted') return

    await send(executor, contracts.tasks, tasksAbi, 'takeTask', [taskId, 0])
    const submit = async (n: number) =>
      send(executor, contracts.tasks, tasksAbi, 'createSubmission', [
        taskId,
        await doc({ explanation: `${submissionTexts[(index + n) % submissionTexts.length]}\n\nPR: https://github.com/Openmesh-Network/openmesh-portal/pull/${100 + index * 3 + n}` }),
      ])
    const review = async (submissionId: number, judgement: 1 | 2, feedback: string) =>
      send(manager, contracts.tasks, tasksAbi, 'reviewSubmission', [taskId, submissionId, judgement, await doc({ feedback })])
    const share = (percent: bigint) => [eth ? [(eth * percent) / 100n] : [], open ? [(open * percent) / 100n] : []] as const

    switch (spec.scenario) {
      case 'taken':
      case 'overdue':
        return
      case 'submitted':
        await submit(0)
        return
      case 'resubmitted':
        await submit(0)
        await review(0, 2, rejectionFeedback)
        await submit(1)
        return
      case 'completed':
        await submit(0)
        await review(0, 1, acceptanceFeedback[index % acceptanceFeedback.length]!)
        return
      case 'cancel-requested':
        await send(manager, contracts.tasks, tasksAbi, 'cancelTask', [taskId, await doc({ reason: cancelReasons.requested })])
        return
      case 'cancel-executed':
        await send(manager, contracts.tasks, tasksAbi, 'cancelTask', [taskId, await doc({ reason: cancelReasons.requested })])
        await send(executor, contracts.tasks, tasksAbi, 'acceptRequest', [taskId, 0, 0, false])
        await send(manager, contracts.tasks, tasksAbi, 'executeRequest', [taskId, 0, 0])
        return
      case 'disputed': {
        await submit(0)
        const [native, erc20] = share(60n)
        await send(disputeManager, contracts.tasks, tasksAbi, 'completeByDispute', [taskId, native, erc20])
        return
      }
      case 'partially-paid': {
        const [native, erc20] = share(40n)
        await send(manager, contracts.tasks, tasksAbi, 'partialPayment', [taskId, native, erc20])
        return
      }
    }
  }
}

function requireContracts(deployment: Deployment) {
  const { tasks, verifiedContributor, tokenVoting, optimisticActions, dao, openToken } = deployment.contracts
  if (!verifiedContributor || !tokenVoting || !optimisticActions || !dao || !openToken) {
    throw new Error('seeding needs the full portal deployment (tasks, OVC, TokenVoting, OptimisticActions, DAO, OPEN)')
  }
  return {
    tasks: tasks.address,
    verifiedContributor: verifiedContributor.address,
    tokenVoting: tokenVoting.address,
    optimisticActions: optimisticActions.address,
    dao: dao.address,
    openToken: openToken.address,
  }
}
