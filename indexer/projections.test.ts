import { getAbiItem, parseEther, stringToHex, toEventSelector, type Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import { openTokenAbi, optimisticActionsAbi, tasksAbi, tokenVotingAbi, verifiedContributorAbi } from '#contracts-abi/index'
import { putJsonDocument } from '#db/content-store'
import { getIndexerStatus } from '#db/indexer-status'
import { useAnvil, useTempDatabase } from '../test/setup'
import { digestChain } from './digest'
import { silentLogger } from './logger'
import { createMetadataResolver } from './metadata/resolver'
import { rebuildIfOutdated, rebuildProjections } from './projections/rebuild'
import { PROJECTION_VERSION } from './projections/version'
import { call, rpc, transact, type Tx } from './testing/chain'
import { createOptimisticAction, rejectOptimisticAction } from './testing/governance-traffic'
import { indexOnce, testConfig } from './testing/harness'
import { emptyProjections } from './testing/projection-coverage'
import { generateWorkload } from './testing/workload'
import { address, deployWorld, type World } from './testing/world'

// What the app reads after real transactions: task life cycles (budgets read from the escrow,
// rewards, partial payments, payouts, submissions, cancel requests), DAO membership, delegation,
// proposals with tallies, optimistic actions made through asDAO, the activity feed, resolved titles;
// and `rebuild` recomputing the very same rows from the raw logs.

const db = useTempDatabase()
let world: World
let chainId: number
const manager = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' as Hex
const builder = address('builder')
const applicant = address('applicant')
const m1 = address('member-1')
const m2 = address('member-2')
const m3 = address('member-3')
let taskUri = ''
let proposalUri = ''

beforeAll(async () => {
  const anvil = await useAnvil()
  world = await deployWorld(anvil.rpcUrl)
  chainId = world.deployment.chainId
  const url = anvil.rpcUrl
  const c = world.deployment.contracts
  const tasks = c.tasks.address as Hex
  const open = c.openToken!.address as Hex
  const ovc = c.verifiedContributor!.address as Hex
  const voting = c.tokenVoting!.address as Hex
  const optimistic = c.optimisticActions!.address as Hex
  for (const a of [builder, applicant, m1, m2, m3, world.dao]) await rpc(url, 'anvil_setBalance', [a, '0x3635c9adc5dea00000'])
  const send = (from: Hex, to: Hex, data: Hex, value?: bigint) => transact(url, { from, to, data, value })

  taskUri = `ipfs://${await putJsonDocument(db.db, { title: 'Build the indexer', description: 'fast and exact', tags: [{ tag: 'ts' }] })}`
  proposalUri = `ipfs://${await putJsonDocument(db.db, { title: 'Welcome Nora', summary: 'mint an OVC' })}`

  // Task 0: preapproved builder, an extra applicant, budget raised, partial payment, completed.
  await send(manager, open, call(openTokenAbi, 'approve', [tasks, parseEther('1000')]))
  await send(
    manager,
    tasks,
    call(tasksAbi, 'createTask', [
      taskUri,
      2_000_000_000n,
      manager,
      manager,
      [{ tokenContract: open, amount: parseEther('100') }],
      [{ applicant: builder, nativeReward: [{ to: builder, amount: parseEther('0.1') }], reward: [{ nextToken: true, to: builder, amount: parseEther('10') }] }],
    ]),
    parseEther('1'),
  )
  await send(applicant, tasks, call(tasksAbi, 'applyForTask', [0n, 'ipfs://application', [], []]))
  await send(manager, tasks, call(tasksAbi, 'acceptApplications', [0n, [1]]))
  await send(builder, tasks, call(tasksAbi, 'takeTask', [0n, 0]))
  await send(manager, tasks, call(tasksAbi, 'increaseBudget', [0n, [parseEther('5')]]), parseEther('0.5'))
  await send(manager, tasks, call(tasksAbi, 'partialPayment', [0n, [parseEther('0.04')], [parseEther('4')]]))
  await send(builder, tasks, call(tasksAbi, 'createSubmission', [0n, 'ipfs://submission']))
  await send(manager, tasks, call(tasksAbi, 'reviewSubmission', [0n, 0, 1, 'ipfs://feedback']))

  // Task 1: taken, then cancelled by agreement. Task 2: cancelled while open. Task 3: edited.
  await send(manager, tasks, call(tasksAbi, 'createTask', ['ipfs://t1', 2_000_000_000n, manager, manager, [], []]), parseEther('0.1'))
  await send(applicant, tasks, call(tasksAbi, 'applyForTask', [1n, '', [], []]))
  await send(manager, tasks, call(tasksAbi, 'acceptApplications', [1n, [0]]))
  await send(applicant, tasks, call(tasksAbi, 'takeTask', [1n, 0]))
  await send(manager, tasks, call(tasksAbi, 'cancelTask', [1n, 'ipfs://why']))
  await send(applicant, tasks, call(tasksAbi, 'acceptRequest', [1n, 0, 0, true]))
  await send(manager, tasks, call(tasksAbi, 'createTask', ['ipfs://t2', 2_000_000_000n, manager, manager, [], []]))
  await send(manager, tasks, call(tasksAbi, 'cancelTask', [2n, '']))
  await send(manager, tasks, call(tasksAbi, 'createTask', ['ipfs://t3', 2_000_000_000n, manager, manager, [], []]))
  await send(manager, tasks, call(tasksAbi, 'editMetadata', [3n, 'ipfs://t3-edited']))
  await send(manager, tasks, call(tasksAbi, 'extendDeadline', [3n, 100n]))
  await send(manager, tasks, call(tasksAbi, 'transferManagement', [3n, builder]))

  // DAO: three members, one delegating to another; a proposal voted and executed; optimistic actions.
  for (const [i, m] of [m1, m2, m3].entries()) await send(world.dao, ovc, call(verifiedContributorAbi, 'mint', [m, BigInt(i + 1)]))
  await send(m1, ovc, call(verifiedContributorAbi, 'delegate', [m1]))
  await send(m2, ovc, call(verifiedContributorAbi, 'delegate', [m2]))
  await send(m3, ovc, call(verifiedContributorAbi, 'delegate', [m1]))
  const nora = address('nora')
  await send(
    m1,
    voting,
    call(tokenVotingAbi, 'createProposal', [
      stringToHex(proposalUri),
      [
        { to: ovc, value: 0n, data: call(verifiedContributorAbi, 'mint', [nora, 10n]) },
        // The OPEN token is not indexed, but a DAO action calling it is decoded all the same.
        { to: open, value: 0n, data: call(openTokenAbi, 'approve', [nora, 5n]) },
      ],
      0n,
      0n,
      0n,
      0,
      false,
    ]),
  )
  await send(m1, voting, call(tokenVotingAbi, 'vote', [0n, 2, false]))
  await send(m2, voting, call(tokenVotingAbi, 'vote', [0n, 3, false]))
  await send(m2, voting, call(tokenVotingAbi, 'execute', [0n]))
  // Optimistic actions of the Openmesh DAO, made and rejected by members through asDAO.
  const mintAction = (who: Hex, id: bigint) => [{ to: ovc, value: 0n, data: call(verifiedContributorAbi, 'mint', [who, id]) }]
  const openmesh = { manager: c.erc721CountTrustlessManagement!.address.toLowerCase() as Hex, dao: world.dao, role: 1n }
  const asTx = (tx: Tx) => transact(url, tx)
  await asTx(createOptimisticAction(world, m2, openmesh, mintAction(address('x'), 11n), 'ipfs://a0'))
  await asTx(rejectOptimisticAction(world, m1, openmesh, 0, 'ipfs://no'))
  await asTx(createOptimisticAction(world, m2, openmesh, mintAction(address('y'), 12n), 'ipfs://a1'))
  await rpc(url, 'evm_increaseTime', [3600])
  await send(m1, optimistic, call(optimisticActionsAbi, 'executeAction', [world.dao, 1]))
  await send(m2, ovc, call(verifiedContributorAbi, 'burn', [2n]))

  await indexOnce({ sqlite: db.sqlite, config: testConfig(url, world.deployment, { FINALITY_DEPTH: '3' }) })
  const resolver = createMetadataResolver({
    sqlite: db.sqlite,
    db: db.db,
    chainId,
    gatewayUrl: 'http://127.0.0.1:9/ipfs/',
    timeoutMs: 1_000,
    maxBytes: 256 * 1024,
    retryAfterMs: 60_000,
    concurrency: 4,
    logger: silentLogger,
    signal: new AbortController().signal,
  })
  await resolver.resolveDue(1_000)
}, 60_000)

const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T
const all = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params) as T[]

describe('task projections', () => {
  it('follows a task from creation to payout', () => {
    const task = one<Record<string, unknown>>('SELECT * FROM tasks WHERE chain_id = ? AND task_id = 0', chainId)
    expect(task).toMatchObject({ state: 'closed', outcome: 'completed', executor_application_id: 0, native_budget: '0', title: 'Build the indexer', creator: manager })
    expect(all('SELECT token, amount FROM task_budgets WHERE chain_id = ? AND task_id = 0', chainId)).toEqual([
      { token: world.deployment.contracts.openToken!.address.toLowerCase(), amount: '0' },
    ])
    const apps = all<{ application_id: number; applicant: string; accepted: number; native_reward: string; reward: string }>(
      'SELECT * FROM task_applications WHERE chain_id = ? AND task_id = 0 ORDER BY application_id',
      chainId,
    )
    expect(apps.map((a) => [a.applicant, a.accepted])).toEqual([
      [builder, 1],
      [applicant, 1],
    ])
    // The partial payment came off the builder's reward.
    expect(JSON.parse(apps[0]!.native_reward)).toEqual([{ to: builder, amount: parseEther('0.06').toString() }])
    expect(JSON.parse(apps[0]!.reward)).toEqual([{ nextToken: true, to: builder, amount: parseEther('6').toString() }])
    const payouts = all<{ kind: string; recipient: string; token: string | null; amount: string }>(
      'SELECT kind, recipient, token, amount FROM task_payouts WHERE chain_id = ? AND task_id = 0 ORDER BY block_number, log_index, position',
      chainId,
    )
    const open = world.deployment.contracts.openToken!.address.toLowerCase()
    expect(payouts).toEqual([
      { kind: 'partial', recipient: builder, token: null, amount: parseEther('0.04').toString() },
      { kind: 'partial', recipient: builder, token: open, amount: parseEther('4').toString() },
      { kind: 'reward', recipient: builder, token: null, amount: parseEther('0.06').toString() },
      { kind: 'reward', recipient: builder, token: open, amount: parseEther('6').toString() },
    ])
    expect(one('SELECT judgement, feedback_uri, submitter FROM task_submissions WHERE chain_id = ? AND task_id = 0', chainId)).toEqual({
      judgement: 'accepted',
      feedback_uri: 'ipfs://feedback',
      submitter: builder,
    })
  })

  it('reads the escrow after BudgetChanged', () => {
    // Two reads for task 0: after increaseBudget and after the partial payment.
    const reads = all<{ result: string }>("SELECT result FROM raw_reads WHERE chain_id = ? AND kind = 'escrowBalances' AND key = '0' ORDER BY block_number", chainId)
    expect(reads.map((r) => JSON.parse(r.result).native)).toEqual([parseEther('1.5').toString(), parseEther('1.46').toString()])
    expect(JSON.parse(reads[1]!.result).tokens[0].amount).toBe(parseEther('101').toString())
  })

  it('records cancel requests and cancellations', () => {
    expect(one('SELECT state, outcome FROM tasks WHERE chain_id = ? AND task_id = 1', chainId)).toEqual({ state: 'closed', outcome: 'cancelled' })
    expect(one('SELECT accepted, executed, executed_by FROM task_cancel_requests WHERE chain_id = ? AND task_id = 1', chainId)).toEqual({
      accepted: 1,
      executed: 1,
      executed_by: applicant,
    })
    expect(one('SELECT state, outcome FROM tasks WHERE chain_id = ? AND task_id = 2', chainId)).toEqual({ state: 'closed', outcome: 'cancelled' })
    expect(one('SELECT metadata_uri, deadline, manager, state FROM tasks WHERE chain_id = ? AND task_id = 3', chainId)).toEqual({
      metadata_uri: 'ipfs://t3-edited',
      deadline: 2_000_000_100,
      manager: builder,
      state: 'open',
    })
  })

  it('keeps each task’s events, decoded, for its timeline', () => {
    const events = all<{ name: string; args: string; transaction_hash: string; block_number: number; log_index: number }>(
      'SELECT name, args, transaction_hash, block_number, log_index FROM task_events WHERE chain_id = ? AND task_id = 0 ORDER BY block_number, log_index',
      chainId,
    )
    expect(events.map((e) => e.name)).toEqual([
      'TaskCreated',
      'ApplicationCreated',
      'ApplicationAccepted',
      'ApplicationCreated',
      'ApplicationAccepted',
      'TaskTaken',
      'BudgetChanged',
      'BudgetChanged',
      'PartialPayment',
      'SubmissionCreated',
      'TaskCompleted',
      'SubmissionReviewed',
    ])
    expect(JSON.parse(events[0]!.args)).toMatchObject({ taskId: '0', metadata: taskUri, manager, nativeBudget: parseEther('1').toString(), budget: [{ amount: parseEther('100').toString() }] })
    expect(JSON.parse(events[1]!.args)).toMatchObject({ applicationId: 0, applicant: builder, metadata: '' })
    // Each is the task's Tasks log in the raw layer: same position and transaction.
    const raw = all<{ transaction_hash: string; block_number: number; log_index: number }>(
      `SELECT transaction_hash, block_number, log_index FROM raw_logs WHERE chain_id = ? AND lower(address) = ? AND json_extract(topics, '$[1]') = ?
       ORDER BY block_number, log_index`,
      chainId,
      world.deployment.contracts.tasks.address.toLowerCase(),
      `0x${'0'.repeat(64)}`,
    )
    expect(events.map(({ transaction_hash, block_number, log_index }) => ({ transaction_hash, block_number, log_index }))).toEqual(raw)
    expect(one<{ n: number }>('SELECT count(DISTINCT task_id) AS n FROM task_events WHERE chain_id = ?', chainId).n).toBe(4)
  })

  it('keeps an activity feed per address', () => {
    const kinds = all<{ kind: string }>('SELECT kind FROM chain_activity WHERE chain_id = ? AND address = ? ORDER BY block_number, log_index', chainId, builder).map((r) => r.kind)
    expect(kinds).toEqual(['task.applied', 'task.accepted', 'task.taken', 'task.paid', 'task.submitted', 'task.completed', 'task.reviewed', 'task.manager'])
  })
})

describe('DAO projections', () => {
  it('tracks members, delegation and voting power', () => {
    const members = all<{ address: string; active: number; revoked_at: number | null }>('SELECT address, active, revoked_at FROM dao_members WHERE chain_id = ?', chainId)
    const byAddress = new Map(members.map((m) => [m.address, m]))
    expect(byAddress.get(m1)?.active).toBe(1)
    expect(byAddress.get(m2)).toMatchObject({ active: 0 })
    expect(byAddress.get(m2)?.revoked_at).toBeGreaterThan(0)
    expect(byAddress.get(address('nora'))?.active).toBe(1)
    expect(byAddress.get(address('y'))?.active).toBe(1)
    expect(byAddress.has(address('x'))).toBe(false)
    expect(one('SELECT delegate FROM dao_delegations WHERE chain_id = ? AND delegator = ?', chainId, m3)).toEqual({ delegate: m1 })
    expect(one('SELECT votes FROM dao_voting_power WHERE chain_id = ? AND address = ?', chainId, m1)).toEqual({ votes: '2' })
    expect(one('SELECT votes FROM dao_voting_power WHERE chain_id = ? AND address = ?', chainId, m2)).toEqual({ votes: '0' })
  })

  it('tallies proposals, keyed by their plugin', () => {
    const plugin = world.deployment.contracts.tokenVoting!.address.toLowerCase()
    const proposal = one<Record<string, unknown>>('SELECT * FROM dao_proposals WHERE chain_id = ? AND plugin = ? AND proposal_id = ?', chainId, plugin, '0')
    expect(proposal).toMatchObject({ yes: '2', no: '1', abstain: '0', voter_count: 2, state: 'executed', title: 'Welcome Nora', metadata_uri: proposalUri, total_voting_power: '3', support_threshold: 500_000 })
    const actions = JSON.parse(proposal.actions as string)
    expect(actions[0]).toMatchObject({
      contract: 'verifiedContributor',
      functionName: 'mint',
      args: [
        { name: 'to', type: 'address', value: address('nora') },
        { name: 'tokenId', type: 'uint256', value: '10' },
      ],
    })
    expect(actions[1]).toMatchObject({ contract: 'openToken', functionName: 'approve', args: [{ type: 'address', value: address('nora') }, { type: 'uint256', value: '5' }] })
    // The transaction that executed it: its ProposalExecuted log's.
    expect(proposal.execution_transaction_hash).toBe(
      one<{ hash: string }>(
        "SELECT transaction_hash AS hash FROM raw_logs WHERE chain_id = ? AND block_number = ? AND json_extract(topics, '$[0]') = ?",
        chainId,
        proposal.executed_block,
        toEventSelector('ProposalExecuted(uint256)'),
      ).hash,
    )
    expect(all('SELECT plugin, voter, option_name, voting_power FROM dao_votes WHERE chain_id = ? ORDER BY voter', chainId)).toEqual(
      [
        { plugin, voter: m1, option_name: 'yes', voting_power: '2' },
        { plugin, voter: m2, option_name: 'no', voting_power: '1' },
      ].sort((a, b) => a.voter.localeCompare(b.voter)),
    )
  })

  it('follows optimistic actions, keyed by (contract, dao, id), with the members who made and rejected them', () => {
    const optimistic = world.deployment.contracts.optimisticActions!.address.toLowerCase()
    const actions = all<{ contract: string; dao: string; action_id: number; kind: string; state: string; rejection_count: number; executable_from: number; creator: string; executor: string | null }>(
      'SELECT contract, dao, action_id, kind, state, rejection_count, executable_from, creator, executor FROM trustless_actions WHERE chain_id = ? ORDER BY action_id',
      chainId,
    )
    expect(actions.map((a) => [a.contract, a.dao, a.action_id, a.kind, a.state, a.rejection_count, a.creator, a.executor])).toEqual([
      [optimistic, world.dao, 0, 'optimistic', 'rejected', 1, m2, null],
      [optimistic, world.dao, 1, 'optimistic', 'executed', 0, m2, m1],
    ])
    expect(actions[1]!.executable_from).toBeGreaterThan(0)
    expect(all('SELECT action_id, metadata_uri, rejector FROM trustless_action_rejections WHERE chain_id = ?', chainId)).toEqual([{ action_id: 0, metadata_uri: 'ipfs://no', rejector: m1 }])
    const executed = one<{ execution_transaction_hash: string; executed_block: number }>(
      'SELECT execution_transaction_hash, executed_block FROM trustless_actions WHERE chain_id = ? AND action_id = 1',
      chainId,
    )
    expect(executed.execution_transaction_hash).toBe(
      one<{ hash: string }>(
        "SELECT transaction_hash AS hash FROM raw_logs WHERE chain_id = ? AND block_number = ? AND json_extract(topics, '$[0]') = ?",
        chainId,
        executed.executed_block,
        toEventSelector(getAbiItem({ abi: optimisticActionsAbi, name: 'ActionExecuted' })),
      ).hash,
    )
    expect(one('SELECT execution_transaction_hash FROM trustless_actions WHERE chain_id = ? AND action_id = 0', chainId)).toEqual({ execution_transaction_hash: null })
  })
})

describe('status and rebuild', () => {
  it('reports the indexed block and head', () => {
    const status = getIndexerStatus(db.db, chainId)
    expect(status).toMatchObject({ lag: 0, halted: null })
    expect(status!.indexedBlock).toBe(status!.chainHead)
  })

  it('rebuilds identical rows from the raw logs', async () => {
    await generateWorkload(world, { events: 1500, seed: 21, tasksPerCohort: 40 })
    await indexOnce({ sqlite: db.sqlite, config: testConfig(world.rpcUrl, world.deployment, { FINALITY_DEPTH: '3' }) })
    const before = digestChain(db.sqlite, chainId)
    expect(emptyProjections(before)).toEqual([])
    const undoBefore = db.sqlite.prepare('SELECT count(*) FROM indexer_undo').pluck().get()
    const config = testConfig(world.rpcUrl, world.deployment)
    rebuildProjections({ sqlite: db.sqlite, chainId, config, logger: silentLogger })
    expect(digestChain(db.sqlite, chainId)).toEqual(before)
    expect(db.sqlite.prepare('SELECT count(*) FROM indexer_undo').pluck().get()).toBe(undoBefore)
  }, 60_000)

  it('rebuilds the projections an older indexer wrote before indexing on, and only those', () => {
    const current = digestChain(db.sqlite, chainId)
    const config = testConfig(world.rpcUrl, world.deployment)
    const version = () => db.sqlite.prepare('SELECT projection_version FROM sync_checkpoints WHERE chain_id = ?').pluck().get(chainId)
    expect(version()).toBe(PROJECTION_VERSION)
    expect(rebuildIfOutdated({ sqlite: db.sqlite, chainId, config, logger: silentLogger })).toBe(false)
    // A database as an indexer before task_events, execution transactions and department tags left it.
    db.sqlite.exec(`DELETE FROM task_events; DELETE FROM ovc_tags; UPDATE dao_proposals SET execution_transaction_hash = NULL; UPDATE sync_checkpoints SET projection_version = 1`)
    expect(digestChain(db.sqlite, chainId)).not.toEqual(current)
    expect(rebuildIfOutdated({ sqlite: db.sqlite, chainId, config, logger: silentLogger })).toBe(true)
    expect(digestChain(db.sqlite, chainId)).toEqual(current)
    expect(version()).toBe(PROJECTION_VERSION)
  })
})
