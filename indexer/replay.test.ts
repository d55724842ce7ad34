import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { parseEther, toFunctionSelector, toHex, type Address, type TransactionReceipt } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  erc721CountTrustlessManagementAbi,
  optimisticActionsAbi,
  pessimisticActionsAbi,
  rfpsAbi,
  taskDisputesAbi,
  tasksAbi,
  verifiedContributorAbi,
} from '#contracts-abi/index'
import { DEVNET_OPTIMISTIC_EXECUTE_DELAY } from '#devnet/deploy'
import { action, useDeployedPortal, type Wallet } from '../contracts/test-utils'
import { useTopologyHelpers, withAllErrors } from '../contracts/topology-helpers'
import { useTempDatabase } from '../test/setup'
import { indexOnce, testConfig } from './testing/harness'

// Real Openmesh transactions replayed on the devnet topology, exactly as the real frontends make
// them (../shared/reference-abi/README.md, "Exact call path" and "OpenR&D flows"), then indexed:
// every projection row the indexer writes for them is checked.
// - a task whose metadata is a raw-codec CIDv1 (as web3.storage gives), applied for, accepted,
//   taken, submitted, reviewed;
// - a dispute through TaskDisputes.createDispute paying getCost, resolved by a Dispute department
//   TagVoting vote whose action is SmartAccount.performCall → PessimisticActions.executeAction;
// - optimistic actions of the Openmesh DAO through ERC721CountTrustlessManagement.asDAO(createAction),
//   one rejected through asDAO(rejectAction) with an ipfs:// {reason}, one executed after the delay;
// - an RFP whose accepted project becomes a task.

const chain = await useDeployedPortal()
const { wallets, write, read, topology, publicClient, increaseTime, now } = chain
const helpers = useTopologyHelpers(chain)
const db = useTempDatabase()
const [, creator, executor, d1, d2, d3, m1, m2] = wallets as Wallet[] as [Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet]
const addr = (wallet: Wallet) => wallet.account.address.toLowerCase()
const lower = (address: string) => address.toLowerCase()
const { dispute } = topology.departments
const disputeAccount = lower(dispute.smartAccount.address)
const tasks = topology.tasks.address
const openmeshDao = lower(topology.openmeshDao.address)
const optimistic = lower(topology.optimisticActions.address)
const pessimistic = lower(topology.pessimisticActions.address)
const addressTm = lower(topology.addressTrustlessManagement.address)
const countTm = lower(topology.erc721CountTrustlessManagement.address)
const newcomer = '0x000000000000000000000000000000000000beef'

/** `ipfs://<CIDv1 raw sha2-256>` of a document as the frontends upload it: compact JSON. */
async function uploaded(doc: unknown): Promise<string> {
  const cid = CID.create(1, raw.code, await sha256.digest(new TextEncoder().encode(JSON.stringify(doc))))
  return `ipfs://${cid.toString()}`
}

type At = { block: number; time: number; tx: string }
async function at(receipt: TransactionReceipt): Promise<At> {
  const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber })
  return { block: Number(receipt.blockNumber), time: Number(block.timestamp), tx: receipt.transactionHash }
}

const docs = {
  task: { title: 'Index the RFPs', tags: [{ tag: 'indexer' }], projectSize: 2, teamSize: 1, description: '<p>All of them</p>', resources: '', links: [] },
  application: { teamSize: 1, plan: '<p>Fast</p>', background: '<p>Indexers</p>' },
  submission: { explanation: '<p>Done</p>' },
  review: { feedback: '<p>Great</p>' },
  disputedTask: { title: 'Disputed work', tags: [], projectSize: 1, teamSize: 1, description: '<p>x</p>', resources: '', links: [] },
  dispute: { title: 'Paid for half the work', summary: 'The manager went silent', body: '<p>See the submission</p>' },
  departmentProposal: { title: 'Resolve the dispute of task 1', summary: '<p>Pay 40%</p>' },
  action0: { title: 'Add 0x…1234', summary: '<p>mint</p>' },
  action1: { title: 'Add 0x…5678', summary: '<p>mint</p>' },
  rejection: { reason: '<p>Not yet</p>' },
  rfp: { title: 'RFP', tags: [], maxProjectFunding: '1', maxAwardedProjects: 1, description: '<p>x</p>', projectRequirements: '<p>y</p>', links: [] },
  project: { title: 'Our project', tags: [], projectSize: 1, teamSize: 2, description: '<p>We build it</p>', resources: '', links: [] },
}
const uri = {} as Record<keyof typeof docs, string>

const steps = {} as Record<string, At>
let escrows: { task0: string; task1: string; task2: string; rfp: string }
let tokens: Record<string, bigint>

beforeAll(async () => {
  for (const key of Object.keys(docs) as (keyof typeof docs)[]) uri[key] = await uploaded(docs[key])
  tokens = {
    d1: await helpers.makeDepartmentMember(d1, dispute),
    d2: await helpers.makeDepartmentMember(d2, dispute),
    d3: await helpers.makeDepartmentMember(d3, dispute),
    m1: await helpers.makeMember(m1),
    m2: await helpers.makeMember(m2),
  }
  const deadline = (await now()) + 30n * 86_400n
  const tasksCall = (wallet: Wallet, functionName: string, args: readonly unknown[], value?: bigint) =>
    write(wallet, { address: tasks, abi: withAllErrors(tasksAbi), functionName, args, value })

  // Task 0: the whole life of a task, as the openrd-frontend makes it.
  steps.create0 = await at((await tasksCall(creator, 'createTask', [uri.task, deadline, creator.account.address, dispute.smartAccount.address, [], []], parseEther('1'))).receipt)
  steps.apply0 = await at((await tasksCall(executor, 'applyForTask', [0n, uri.application, [{ to: executor.account.address, amount: parseEther('1') }], []])).receipt)
  steps.accept0 = await at((await tasksCall(creator, 'acceptApplications', [0n, [0]])).receipt)
  steps.take0 = await at((await tasksCall(executor, 'takeTask', [0n, 0])).receipt)
  steps.submit0 = await at((await tasksCall(executor, 'createSubmission', [0n, uri.submission])).receipt)
  steps.review0 = await at((await tasksCall(creator, 'reviewSubmission', [0n, 0, 1, uri.review])).receipt)

  // Task 1: taken, disputed by its executor, resolved by the Dispute department.
  const preapproved = [{ applicant: executor.account.address, nativeReward: [{ to: executor.account.address, amount: parseEther('1') }], reward: [] }]
  steps.create1 = await at((await tasksCall(creator, 'createTask', [uri.disputedTask, deadline, creator.account.address, dispute.smartAccount.address, [], preapproved], parseEther('1'))).receipt)
  steps.take1 = await at((await tasksCall(executor, 'takeTask', [1n, 0])).receipt)
  const fee = await read<bigint>({ address: topology.taskDisputes.address, abi: taskDisputesAbi, functionName: 'getCost', args: [dispute.smartAccount.address] })
  steps.dispute = await at(
    (
      await write(executor, {
        address: topology.taskDisputes.address,
        abi: withAllErrors(taskDisputesAbi),
        functionName: 'createDispute',
        args: [
          dispute.smartAccount.address,
          uri.dispute,
          { manager: topology.addressTrustlessManagement.address, role: BigInt(topology.taskDisputes.address), trustlessActions: topology.pessimisticActions.address },
          { manager: topology.addressTrustlessManagement.address, role: BigInt(topology.pessimisticActions.address) },
          { taskId: 1n, partialNativeReward: [parseEther('0.4')], partialReward: [] },
        ],
        value: fee,
      })
    ).receipt,
  )
  const resolve = helpers.throughAccount(dispute, action(topology.pessimisticActions.address, pessimisticActionsAbi, 'executeAction', [dispute.smartAccount.address, 0]))
  const vote = await helpers.passDepartmentVote(dispute, d1, [d2, d3], [resolve], toHex(uri.departmentProposal))
  steps.resolve = await at(vote.receipt)

  // Optimistic actions of the Openmesh DAO, as the ovc-frontend makes them.
  const asOpenmeshDao = (member: Wallet, inner: ReturnType<typeof action>) =>
    write(member, { address: topology.erc721CountTrustlessManagement.address, abi: withAllErrors(erc721CountTrustlessManagementAbi), functionName: 'asDAO', args: [topology.openmeshDao.address, 1n, [inner], 0n] })
  const mint = (tokenId: bigint) => action(topology.verifiedContributor.address, verifiedContributorAbi, 'mint', [newcomer, tokenId])
  const create = (tokenId: bigint, metadata: string) =>
    action(topology.optimisticActions.address, optimisticActionsAbi, 'createAction', [topology.addressTrustlessManagement.address, BigInt(topology.optimisticActions.address), [mint(tokenId)], 0n, metadata])
  steps.action0 = await at((await asOpenmeshDao(m1, create(0x1234n, uri.action0))).receipt)
  steps.action1 = await at((await asOpenmeshDao(m1, create(0x5678n, uri.action1))).receipt)
  steps.reject0 = await at((await asOpenmeshDao(m2, action(topology.optimisticActions.address, optimisticActionsAbi, 'rejectAction', [0, uri.rejection]))).receipt)
  await increaseTime(DEVNET_OPTIMISTIC_EXECUTE_DELAY)
  steps.execute1 = await at((await write(creator, { address: topology.optimisticActions.address, abi: withAllErrors(optimisticActionsAbi), functionName: 'executeAction', args: [topology.openmeshDao.address, 1] })).receipt)

  // An RFP whose project is accepted into task 2.
  const rfpsCall = (wallet: Wallet, functionName: string, args: readonly unknown[], value?: bigint) =>
    write(wallet, { address: topology.rfps.address, abi: withAllErrors(rfpsAbi), functionName, args, value })
  steps.rfp = await at((await rfpsCall(creator, 'createRFP', [uri.rfp, deadline, [], creator.account.address, dispute.smartAccount.address, creator.account.address], parseEther('1'))).receipt)
  steps.project = await at((await rfpsCall(executor, 'submitProject', [0n, uri.project, deadline, [{ to: executor.account.address, amount: parseEther('0.5') }], []])).receipt)
  steps.acceptProject = await at((await rfpsCall(creator, 'acceptProject', [0n, 0, [parseEther('0.5')], []])).receipt)

  const escrowOf = async (taskId: bigint) => lower((await read<{ escrow: Address }>({ address: tasks, abi: tasksAbi, functionName: 'getTask', args: [taskId] })).escrow)
  const rfp = await read<{ escrow: Address }>({ address: topology.rfps.address, abi: rfpsAbi, functionName: 'getRFP', args: [0n] })
  escrows = { task0: await escrowOf(0n), task1: await escrowOf(1n), task2: await escrowOf(2n), rfp: lower(rfp.escrow) }

  await indexOnce({ sqlite: db.sqlite, config: testConfig(chain.anvil.rpcUrl, chain.deployment) })
}, 120_000)

const chainId = 31337
const all = (sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(chainId, ...params) as Record<string, unknown>[]
const json = (value: unknown) => JSON.parse(value as string) as unknown

describe('a task through its life, with raw-CID metadata', () => {
  it('is one row of tasks, its application, submission, payout and timeline', () => {
    expect(all('SELECT * FROM tasks WHERE chain_id = ? AND task_id = 0')).toEqual([
      {
        chain_id: chainId, task_id: 0, metadata_uri: uri.task, title: null, deadline: expect.any(Number),
        manager: addr(creator), dispute_manager: disputeAccount, creator: addr(creator), state: 'closed', escrow: escrows.task0,
        native_budget: '0', budget_read_error: null, created_block: steps.create0!.block, created_at: steps.create0!.time,
        executor_application_id: 0, outcome: 'completed', closed_at: steps.review0!.time, updated_block: steps.review0!.block, updated_at: steps.review0!.time,
      },
    ])
    expect(uri.task).toMatch(/^ipfs:\/\/bafkrei[a-z2-7]{52}$/)
    expect(all('SELECT * FROM task_applications WHERE chain_id = ? AND task_id = 0')).toEqual([
      {
        chain_id: chainId, task_id: 0, application_id: 0, applicant: addr(executor), metadata_uri: uri.application, accepted: 1,
        native_reward: JSON.stringify([{ to: addr(executor), amount: parseEther('1').toString() }]), reward: '[]',
        created_block: steps.apply0!.block, created_at: steps.apply0!.time,
      },
    ])
    expect(all('SELECT * FROM task_submissions WHERE chain_id = ? AND task_id = 0')).toEqual([
      {
        chain_id: chainId, task_id: 0, submission_id: 0, submitter: addr(executor), metadata_uri: uri.submission, judgement: 'accepted',
        feedback_uri: uri.review, created_block: steps.submit0!.block, created_at: steps.submit0!.time, reviewed_at: steps.review0!.time,
      },
    ])
    expect(all('SELECT kind, recipient, token, amount, transaction_hash FROM task_payouts WHERE chain_id = ? AND task_id = 0')).toEqual([
      { kind: 'reward', recipient: addr(executor), token: null, amount: parseEther('1').toString(), transaction_hash: steps.review0!.tx },
    ])
    expect(all('SELECT name, transaction_hash FROM task_events WHERE chain_id = ? AND task_id = 0 ORDER BY block_number, log_index')).toEqual([
      { name: 'TaskCreated', transaction_hash: steps.create0!.tx },
      { name: 'ApplicationCreated', transaction_hash: steps.apply0!.tx },
      { name: 'ApplicationAccepted', transaction_hash: steps.accept0!.tx },
      { name: 'TaskTaken', transaction_hash: steps.take0!.tx },
      { name: 'SubmissionCreated', transaction_hash: steps.submit0!.tx },
      { name: 'TaskCompleted', transaction_hash: steps.review0!.tx },
      { name: 'SubmissionReviewed', transaction_hash: steps.review0!.tx },
    ])
  })

  it('registers every metadata URI for the resolver under its document kind', () => {
    const kinds = Object.fromEntries(all("SELECT uri, kind, status FROM metadata_documents WHERE chain_id = ?").map((r) => [r.uri, [r.kind, r.status]]))
    expect(kinds).toEqual({
      [uri.task]: ['task', 'pending'],
      [uri.application]: ['application', 'pending'],
      [uri.submission]: ['submission', 'pending'],
      [uri.review]: ['review', 'pending'],
      [uri.disputedTask]: ['task', 'pending'],
      [uri.dispute]: ['dispute', 'pending'],
      [uri.departmentProposal]: ['proposal', 'pending'],
      [uri.action0]: ['action', 'pending'],
      [uri.action1]: ['action', 'pending'],
      [uri.rejection]: ['rejection', 'pending'],
      [uri.rfp]: ['rfp', 'pending'],
      [uri.project]: ['task', 'pending'],
    })
  })
})

describe('a dispute resolved by the Dispute department', () => {
  it('is a pessimistic action of the Dispute smart account, created by TaskDisputes, executed by the account', () => {
    expect(all('SELECT * FROM trustless_actions WHERE chain_id = ? AND contract = ?', pessimistic)).toEqual([
      {
        chain_id: chainId, contract: pessimistic, dao: disputeAccount, action_id: 0, kind: 'pessimistic', manager: addressTm,
        role: BigInt(pessimistic).toString(),
        actions: JSON.stringify([
          {
            to: lower(tasks), value: '0', data: action(tasks, tasksAbi, 'completeByDispute', [1n, [parseEther('0.4')], []]).data,
            contract: 'tasks', functionName: 'completeByDispute',
            args: [
              { name: '_taskId', type: 'uint256', value: '1' },
              { name: '_partialNativeReward', type: 'uint96[]', value: [parseEther('0.4').toString()] },
              { name: '_partialReward', type: 'uint88[]', value: [] },
            ],
          },
        ]),
        failure_map: '0', metadata_uri: uri.dispute, creator: lower(topology.taskDisputes.address), executable_from: null, state: 'executed',
        rejection_count: 0, executor: disputeAccount, executed_block: steps.resolve!.block, executed_at: steps.resolve!.time,
        execution_transaction_hash: steps.resolve!.tx, created_block: steps.dispute!.block, created_at: steps.dispute!.time, transaction_hash: steps.dispute!.tx,
      },
    ])
  })

  it('is linked to its task and its action through TrustlessActionCreated', () => {
    expect(all('SELECT * FROM task_disputes WHERE chain_id = ?')).toEqual([
      {
        chain_id: chainId, trustless_actions: pessimistic, dao: disputeAccount, action_id: 0, source: lower(topology.taskDisputes.address), task_id: 1,
        metadata_uri: uri.dispute, partial_native_reward: JSON.stringify([parseEther('0.4').toString()]), partial_reward: '[]',
        created_block: steps.dispute!.block, created_at: steps.dispute!.time, transaction_hash: steps.dispute!.tx,
      },
    ])
    expect(all('SELECT state, outcome, closed_at FROM tasks WHERE chain_id = ? AND task_id = 1')).toEqual([{ state: 'closed', outcome: 'disputed', closed_at: steps.resolve!.time }])
    expect(all('SELECT kind, recipient, amount, transaction_hash FROM task_payouts WHERE chain_id = ? AND task_id = 1')).toEqual([
      { kind: 'partial', recipient: addr(executor), amount: parseEther('0.4').toString(), transaction_hash: steps.resolve!.tx },
    ])
  })

  it('was decided by a TagVoting proposal of the department, keyed by its plugin, one vote per tag holder', () => {
    const plugin = lower(dispute.tagVoting.address)
    expect(all('SELECT * FROM dao_proposals WHERE chain_id = ?')).toEqual([
      expect.objectContaining({
        chain_id: chainId, plugin, proposal_id: '0', proposal_number: 0, creator: addr(d1), metadata_uri: uri.departmentProposal,
        yes: '2', no: '0', abstain: '0', voter_count: 2, state: 'executed', total_voting_power: '3', support_threshold: 500_000,
        executed_block: steps.resolve!.block, execution_transaction_hash: steps.resolve!.tx,
      }),
    ])
    const [proposal] = all('SELECT actions FROM dao_proposals WHERE chain_id = ?')
    expect(json(proposal!.actions)).toEqual([
      expect.objectContaining({ to: disputeAccount, contract: 'smartAccount', functionName: 'performCall', args: [
        { name: 'to', type: 'address', value: pessimistic },
        { name: 'value', type: 'uint256', value: '0' },
        { name: 'data', type: 'bytes', value: action(topology.pessimisticActions.address, pessimisticActionsAbi, 'executeAction', [dispute.smartAccount.address, 0]).data },
      ], inner: expect.objectContaining({ to: pessimistic, contract: 'pessimisticActions', functionName: 'executeAction', args: [
        { name: '_dao', type: 'address', value: disputeAccount },
        { name: '_id', type: 'uint32', value: 0 },
      ] }) }),
    ])
    expect(all('SELECT plugin, voter, option_name, voting_power FROM dao_votes WHERE chain_id = ? ORDER BY voted_block')).toEqual([
      { plugin, voter: addr(d1), option_name: 'yes', voting_power: '1' },
      { plugin, voter: addr(d2), option_name: 'yes', voting_power: '1' },
    ])
  })

  it('knows the department’s members by their tags, through their default token', () => {
    expect(all('SELECT tag, token_id FROM ovc_tags WHERE chain_id = ? ORDER BY token_id')).toEqual(
      [tokens.d1, tokens.d2, tokens.d3].map((id) => ({ tag: dispute.tag, token_id: id!.toString() })),
    )
    expect(all('SELECT account, token_id FROM ovc_default_tokens WHERE chain_id = ? ORDER BY token_id')).toEqual(
      [d1, d2, d3].map((w, i) => ({ account: addr(w), token_id: [tokens.d1, tokens.d2, tokens.d3][i]!.toString() })),
    )
  })
})

describe('optimistic actions of the Openmesh DAO through asDAO', () => {
  it('are keyed by (OptimisticActions, Openmesh DAO, id), with the member who created each and the one who rejected', () => {
    const rows = all('SELECT * FROM trustless_actions WHERE chain_id = ? AND contract = ? ORDER BY action_id', optimistic)
    expect(rows.map(({ actions, ...rest }) => ({ ...rest, calls: (json(actions) as { functionName: string }[]).map((a) => a.functionName) }))).toEqual([
      {
        chain_id: chainId, contract: optimistic, dao: openmeshDao, action_id: 0, kind: 'optimistic', manager: addressTm, role: BigInt(optimistic).toString(),
        calls: ['mint'], failure_map: '0', metadata_uri: uri.action0, creator: addr(m1), executable_from: steps.action0!.time + DEVNET_OPTIMISTIC_EXECUTE_DELAY,
        state: 'rejected', rejection_count: 1, executor: null, executed_block: null, executed_at: null, execution_transaction_hash: null,
        created_block: steps.action0!.block, created_at: steps.action0!.time, transaction_hash: steps.action0!.tx,
      },
      {
        chain_id: chainId, contract: optimistic, dao: openmeshDao, action_id: 1, kind: 'optimistic', manager: addressTm, role: BigInt(optimistic).toString(),
        calls: ['mint'], failure_map: '0', metadata_uri: uri.action1, creator: addr(m1), executable_from: steps.action1!.time + DEVNET_OPTIMISTIC_EXECUTE_DELAY,
        state: 'executed', rejection_count: 0, executor: addr(creator), executed_block: steps.execute1!.block, executed_at: steps.execute1!.time,
        execution_transaction_hash: steps.execute1!.tx, created_block: steps.action1!.block, created_at: steps.action1!.time, transaction_hash: steps.action1!.tx,
      },
    ])
    expect(all('SELECT contract, dao, action_id, metadata_uri, rejector, rejected_at, transaction_hash FROM trustless_action_rejections WHERE chain_id = ?')).toEqual([
      { contract: optimistic, dao: openmeshDao, action_id: 0, metadata_uri: uri.rejection, rejector: addr(m2), rejected_at: steps.reject0!.time, transaction_hash: steps.reject0!.tx },
    ])
  })

  it('counts the members’ self-delegated votes (an OVC votes once delegated)', () => {
    const members = [d1, d2, d3, m1, m2].map(addr).sort()
    expect(all('SELECT delegator, delegate FROM dao_delegations WHERE chain_id = ? ORDER BY delegator')).toEqual(members.map((m) => ({ delegator: m, delegate: m })))
    expect(all('SELECT address, votes FROM dao_voting_power WHERE chain_id = ? ORDER BY address')).toEqual(members.map((m) => ({ address: m, votes: '1' })))
    expect(all('SELECT address, active FROM dao_members WHERE chain_id = ? ORDER BY address')).toEqual([...members, newcomer].sort().map((address) => ({ address, active: 1 })))
  })

  it('made the newcomer a member when the executed one minted its OVC', () => {
    expect(all('SELECT token_id, owner, minted_block FROM ovc_tokens WHERE chain_id = ? AND owner = ?', newcomer)).toEqual([
      { token_id: String(0x5678), owner: newcomer, minted_block: steps.execute1!.block },
    ])
    expect(all('SELECT address, balance, token_id, active FROM dao_members WHERE chain_id = ? AND address = ?', newcomer)).toEqual([
      { address: newcomer, balance: 1, token_id: String(0x5678), active: 1 },
    ])
    expect(all("SELECT address, kind, subject, transaction_hash AS tx FROM chain_activity WHERE chain_id = ? AND kind IN ('dao.action', 'dao.rejected') ORDER BY block_number, log_index")).toEqual([
      { address: lower(topology.taskDisputes.address), kind: 'dao.action', subject: '0', tx: steps.dispute!.tx },
      { address: disputeAccount, kind: 'dao.action', subject: '0', tx: steps.resolve!.tx },
      { address: addr(m1), kind: 'dao.action', subject: '0', tx: steps.action0!.tx },
      { address: addr(m1), kind: 'dao.action', subject: '1', tx: steps.action1!.tx },
      { address: addr(m2), kind: 'dao.rejected', subject: '0', tx: steps.reject0!.tx },
      { address: addr(creator), kind: 'dao.action', subject: '1', tx: steps.execute1!.tx },
    ])
  })
})

describe('an RFP accepted into a task', () => {
  it('is an RFP row, a project row naming the task it became, and that task', () => {
    expect(all('SELECT * FROM rfps WHERE chain_id = ?')).toEqual([
      {
        chain_id: chainId, rfp_id: 0, metadata_uri: uri.rfp, deadline: expect.any(Number), native_budget: parseEther('1').toString(), budget: '[]',
        creator: addr(creator), tasks_manager: addr(creator), dispute_manager: disputeAccount, manager: addr(creator), escrow: escrows.rfp,
        emptied: 0, emptied_at: null, created_block: steps.rfp!.block, created_at: steps.rfp!.time, transaction_hash: steps.rfp!.tx,
      },
    ])
    expect(all('SELECT * FROM rfp_projects WHERE chain_id = ?')).toEqual([
      {
        chain_id: chainId, rfp_id: 0, project_id: 0, metadata_uri: uri.project, representative: addr(executor), deadline: expect.any(Number),
        native_reward: JSON.stringify([{ to: addr(executor), amount: parseEther('0.5').toString() }]), reward: '[]', accepted: 1,
        accepted_native_reward: JSON.stringify([parseEther('0.5').toString()]), accepted_reward: '[]', task_id: 2, accepted_at: steps.acceptProject!.time,
        accepted_transaction_hash: steps.acceptProject!.tx, created_block: steps.project!.block, created_at: steps.project!.time, transaction_hash: steps.project!.tx,
      },
    ])
    expect(all('SELECT task_id, metadata_uri, creator, manager, dispute_manager, state, native_budget, escrow FROM tasks WHERE chain_id = ? AND task_id = 2')).toEqual([
      { task_id: 2, metadata_uri: uri.project, creator: escrows.rfp, manager: addr(creator), dispute_manager: disputeAccount, state: 'open', native_budget: parseEther('0.5').toString(), escrow: escrows.task2 },
    ])
    expect(all('SELECT applicant, accepted FROM task_applications WHERE chain_id = ? AND task_id = 2')).toEqual([{ applicant: addr(executor), accepted: 1 }])
  })
})

describe('what the deployment set up', () => {
  it('holds the TrustlessManagement permissions of the reference README’s table', () => {
    const always = `0x${'f'.repeat(40)}`
    const permissions = (dao: string) =>
      all('SELECT manager, role, kind, zone, function_selector, permission_checker FROM trustless_permissions WHERE chain_id = ? AND dao = ? ORDER BY manager, role, kind, zone, function_selector', dao)
    const allowed = (manager: string, role: bigint | string, kind: string, zone: string, signature?: string) => ({
      manager, role: role.toString(), kind, zone: lower(zone), function_selector: signature ? toFunctionSelector(signature) : '', permission_checker: always,
    })
    const sorted = (rows: Record<string, unknown>[]) => [...rows].sort((x, y) => JSON.stringify(Object.values(x)).localeCompare(JSON.stringify(Object.values(y))))
    const role = (address: string) => BigInt(address)
    const createAction = 'createAction(address,uint256,(address,uint256,bytes)[],uint256,string)'
    const rejectAction = 'rejectAction(uint32,string)'
    const createTask = 'createTask(string,uint64,address,address,(address,uint96)[],(address,(address,uint96)[],(bool,address,uint88)[])[])'
    // ≥ 1 OVC may create and reject optimistic actions on the Openmesh DAO, which may only mint OVCs.
    expect(sorted(permissions(openmeshDao))).toEqual(
      sorted([
        allowed(countTm, 1n, 'functionAccess', optimistic, createAction),
        allowed(countTm, 1n, 'functionAccess', optimistic, rejectAction),
        allowed(addressTm, role(optimistic), 'functionAccess', topology.verifiedContributor.address, 'mint(address,uint256)'),
      ]),
    )
    // A Dispute tag holder may create and reject optimistic actions on its smart account, which may call
    // anything on Tasks; TaskDisputes may queue pessimistic actions there, which may only complete
    // tasks by dispute (TaskDrafts, which may create tasks, is a devnet addition).
    const tagTm = lower(topology.tagTrustlessManagement.address)
    expect(sorted(permissions(disputeAccount))).toEqual(
      sorted([
        allowed(tagTm, BigInt(dispute.tag), 'functionAccess', optimistic, createAction),
        allowed(tagTm, BigInt(dispute.tag), 'functionAccess', optimistic, rejectAction),
        allowed(addressTm, role(optimistic), 'zoneAccess', tasks),
        allowed(addressTm, role(topology.taskDrafts.address), 'functionAccess', pessimistic, createAction),
        allowed(addressTm, role(pessimistic), 'functionAccess', tasks, createTask),
        allowed(addressTm, role(topology.taskDisputes.address), 'functionAccess', pessimistic, createAction),
        allowed(addressTm, role(pessimistic), 'functionAccess', tasks, 'completeByDispute(uint256,uint96[],uint88[])'),
      ]),
    )
    // Every DAO waits the devnet's delay before its optimistic actions may run.
    expect(all('SELECT dao, admin, execute_delay FROM trustless_dao_settings WHERE chain_id = ? AND contract = ? ORDER BY dao', optimistic)).toEqual(
      [openmeshDao, ...Object.values(topology.departments).map((d) => lower(d.smartAccount.address))]
        .sort()
        .map((dao) => ({ dao, admin: null, execute_delay: DEVNET_OPTIMISTIC_EXECUTE_DELAY })),
    )
  })

  it('has the voting settings of every plugin', () => {
    expect(all('SELECT plugin, support_threshold, min_participation, min_duration FROM dao_voting_settings WHERE chain_id = ? ORDER BY plugin')).toEqual(
      [topology.tokenVoting, topology.departments.dispute.tagVoting, topology.departments.coreMember.tagVoting, topology.departments.expert.tagVoting]
        .map((p) => ({ plugin: lower(p.address), support_threshold: 500_000, min_participation: 200_000, min_duration: 300 }))
        .sort((a, b) => a.plugin.localeCompare(b.plugin)),
    )
  })
})
