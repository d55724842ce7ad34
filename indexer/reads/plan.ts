import type { Hex } from 'viem'
import type { DecodedEvent } from '../decode/decoder'
import { isRetryable, StateUnavailableError } from '../errors'
import type { Eth, RpcLog } from '../rpc/eth'
import type { JsonRpcCall } from '../rpc/transport'
import type { LearningTurn } from './learning-turns'
import {
  balanceCalls,
  batchedBalancesCall,
  decodeBalances,
  decodeBatchedBalances,
  decodeTaskInfo,
  getTaskCall,
  type EscrowBalances,
  type TaskInfoCache,
} from './escrow'
import { decodeTokenMetadata, tokenMetadataCalls, unansweredTokenRead } from './token-metadata'
import { decodeProposalParameters, proposalReadKey, decodeTotalVotingPower, getProposalCall, totalVotingPowerCall, type ProposalParams } from './proposal'

// Which contract reads a range's events need, and doing them (pinned to each event's block hash)
// while the range is fetched, so the batch transaction never waits on the network. Reads of a
// range go out in a few JSON-RPC batches rather than one request each.

/** The events whose reads are planned here ("contract.EventName"): all a fetcher must decode to plan them. */
export const eventsNeedingReads: ReadonlySet<string> = new Set([
  'tasks.TaskCreated',
  'tasks.BudgetChanged',
  'rfps.RFPCreated',
  'tokenVoting.ProposalCreated',
  'tagVoting.ProposalCreated',
])

export type ReadRow = { blockHash: Hex; blockNumber: number; kind: string; key: string; result: string }

const BATCH = 200
const READ_TIMEOUT_MS = 60_000

type CallResult = { ok: true; value: Hex } | { ok: false; error: string; stateUnavailable?: boolean }

export function createReadPlanner({ eth, tasks, cache }: { eth: Eth; tasks?: Hex; cache: TaskInfoCache }) {
  /** Whether the node accepts eth_call state overrides (turned off at the first refusal). */
  let overrides = true

  /** Runs the calls in batches; a batch with a failing call is retried call by call so one revert stays one. */
  async function runCalls(calls: JsonRpcCall[]): Promise<CallResult[]> {
    const out: CallResult[] = []
    for (let i = 0; i < calls.length; i += BATCH) {
      const chunk = calls.slice(i, i + BATCH)
      try {
        const values = await eth.rpc.batch<Hex>(chunk)
        out.push(...values.map((value) => ({ ok: true as const, value })))
      } catch (error) {
        if (isRetryable(error)) throw error
        for (const c of chunk) {
          try {
            out.push({ ok: true, value: await eth.rpc.request<Hex>(c.method, c.params) })
          } catch (inner) {
            if (isRetryable(inner)) throw inner
            out.push({ ok: false, error: (inner as Error).message })
          }
        }
      }
    }
    return out
  }

  /** Runs calls as separate requests, `concurrency` at a time, with a generous timeout. */
  async function runEach(calls: JsonRpcCall[], concurrency = 4): Promise<CallResult[]> {
    const out: CallResult[] = new Array(calls.length)
    let next = 0
    const worker = async () => {
      while (next < calls.length) {
        const i = next++
        try {
          out[i] = { ok: true, value: await eth.rpc.request<Hex>(calls[i]!.method, calls[i]!.params, { timeoutMs: READ_TIMEOUT_MS }) }
        } catch (error) {
          if (isRetryable(error)) throw error
          out[i] = { ok: false, error: (error as Error).message, stateUnavailable: error instanceof StateUnavailableError }
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, worker))
    return out
  }

  /**
   * The reads `entries` need. With a `turn` (the backfill's ranges, fetched several at once), the
   * planner first learns from these events, then waits for the ranges asked for before to have
   * learned from theirs, so it knows their tasks' escrows (see learning-turns.ts).
   */
  return async function readsFor(entries: { log: RpcLog; event: DecodedEvent | undefined }[], turn?: LearningTurn): Promise<ReadRow[]> {
    const rows: ReadRow[] = []
    const escrowReads = new Map<string, { log: RpcLog; taskId: bigint }>()
    const proposalReads: { log: RpcLog; proposalId: bigint }[] = []
    // Budget tokens, read at each event naming them (one read per token and block): the projection
    // keeps the first answer, so which one that is depends only on the logs, never on a cache.
    const tokenReads = new Map<string, { log: RpcLog; token: Hex }>()
    const wantTokens = (log: RpcLog, budget: readonly { tokenContract: string }[]) => {
      for (const entry of budget) {
        const token = entry.tokenContract.toLowerCase() as Hex
        tokenReads.set(`${log.blockHash}:${token}`, { log, token })
      }
    }
    for (const { log, event } of entries) {
      if (!event) continue
      if (event.contract === 'rfps' && event.name === 'RFPCreated') wantTokens(log, event.args.budget)
      if (event.contract === 'tasks' && event.name === 'TaskCreated') {
        const a = event.args
        wantTokens(log, a.budget)
        cache.set(a.taskId.toString(), {
          escrow: a.escrow.toLowerCase() as Hex,
          tokens: a.budget.map((b) => b.tokenContract.toLowerCase() as Hex),
          blockNumber: log.blockNumber,
        })
      } else if (event.contract === 'tasks' && event.name === 'BudgetChanged' && tasks) {
        const taskId = event.args.taskId
        escrowReads.set(`${log.blockHash}:${taskId}`, { log, taskId })
      } else if ((event.contract === 'tokenVoting' || event.contract === 'tagVoting') && event.name === 'ProposalCreated') {
        proposalReads.push({ log, proposalId: event.args.proposalId })
      }
    }

    if (turn) {
      turn.learned()
      await turn.previousLearned
    }

    // Escrow balances: learn unknown escrows (getTask), then read every balance.
    const wanted = [...escrowReads.values()]
    const unknown = wanted.filter((w) => !cache.get(w.taskId.toString()))
    const infos = await runCalls(unknown.map((w) => getTaskCall(tasks!, w.taskId, w.log.blockHash)))
    const failed = new Map<string, string>()
    unknown.forEach((w, i) => {
      const r = infos[i]!
      if (!r.ok) return failed.set(w.taskId.toString(), r.error)
      try {
        cache.set(w.taskId.toString(), decodeTaskInfo(r.value, w.log.blockNumber))
      } catch (error) {
        failed.set(w.taskId.toString(), (error as Error).message)
      }
    })
    const readable = wanted.filter((w) => cache.get(w.taskId.toString()))
    const push = (w: { log: RpcLog; taskId: bigint }, result: unknown) =>
      rows.push({ blockHash: w.log.blockHash, blockNumber: w.log.blockNumber, kind: 'escrowBalances', key: w.taskId.toString(), result: JSON.stringify(result) })
    // One call per block with the balance reader; one call per balance where overrides are refused.
    const byBlock = new Map<Hex, typeof readable>()
    for (const w of readable) byBlock.set(w.log.blockHash, [...(byBlock.get(w.log.blockHash) ?? []), w])
    const perCall: typeof readable = []
    if (overrides) {
      const groups = [...byBlock.entries()]
      // One request per block, a few at a time: a node may take a while to open an old block's state.
      const answers = await runEach(groups.map(([blockHash, ws]) => batchedBalancesCall(ws.map((w) => cache.get(w.taskId.toString())!), blockHash)))
      groups.forEach(([, ws], g) => {
        const answer = answers[g]!
        if (!answer.ok) {
          // A node without the block's state fails every way of reading it: that is no refusal of overrides.
          if (answer.stateUnavailable) return ws.forEach((w) => push(w, { error: answer.error }))
          overrides = false
          perCall.push(...ws)
          return
        }
        const infos = ws.map((w) => cache.get(w.taskId.toString())!)
        let decoded: (EscrowBalances | { error: string })[]
        try {
          decoded = decodeBatchedBalances(infos, answer.value)
        } catch (error) {
          decoded = ws.map(() => ({ error: (error as Error).message }))
        }
        ws.forEach((w, i) => push(w, decoded[i]))
      })
    } else perCall.push(...readable)
    const calls = perCall.map((w) => balanceCalls(cache.get(w.taskId.toString())!, w.log.blockHash))
    const results = await runCalls(calls.flat())
    let offset = 0
    perCall.forEach((w, i) => {
      const info = cache.get(w.taskId.toString())!
      const mine = results.slice(offset, offset + calls[i]!.length)
      offset += calls[i]!.length
      const bad = mine.find((r) => !r.ok)
      let result: unknown
      try {
        result = bad && !bad.ok ? { error: bad.error } : decodeBalances(info, mine.map((r) => (r as { value: Hex }).value))
      } catch (error) {
        result = { error: (error as Error).message }
      }
      push(w, result)
    })
    for (const w of wanted.filter((x) => failed.has(x.taskId.toString()))) {
      const result = JSON.stringify({ error: failed.get(w.taskId.toString()) })
      rows.push({ blockHash: w.log.blockHash, blockNumber: w.log.blockNumber, kind: 'escrowBalances', key: w.taskId.toString(), result })
    }

    const tokens = [...tokenReads.values()]
    const tokenCalls = tokens.map((r) => tokenMetadataCalls(r.token, r.log.blockHash))
    const tokenAnswers = await runCalls(tokenCalls.flat())
    tokens.forEach((r, i) => {
      const answers = tokenAnswers.slice(i * 4, i * 4 + 4)
      const unanswered = unansweredTokenRead(answers)
      const result = unanswered !== null ? { error: unanswered } : decodeTokenMetadata(answers)
      rows.push({ blockHash: r.log.blockHash, blockNumber: r.log.blockNumber, kind: 'tokenMetadata', key: r.token, result: JSON.stringify(result) })
    })

    // Proposal parameters: getProposal for all, then totalVotingPower at each snapshot.
    const params = await runCalls(proposalReads.map((r) => getProposalCall(r.log.address, r.proposalId, r.log.blockHash)))
    const decodedParams = params.map((answer) => {
      if (!answer.ok) return { error: answer.error }
      try {
        return decodeProposalParameters(answer.value)
      } catch (error) {
        return { error: (error as Error).message }
      }
    })
    const withSnapshot = proposalReads.flatMap((r, i) => {
      const p = decodedParams[i]!
      return 'error' in p ? [] : [{ r, p }]
    })
    const totals = await runCalls(withSnapshot.map(({ r, p }) => totalVotingPowerCall(r.log.address, p.snapshotBlock, r.log.blockHash)))
    const totalOf = new Map(withSnapshot.map(({ r }, i) => [r, totals[i]!]))
    proposalReads.forEach((r, i) => {
      const p = decodedParams[i]!
      const total = totalOf.get(r)
      let result: unknown
      if ('error' in p) result = { error: p.error }
      else if (!total || !total.ok) result = { error: total && !total.ok ? total.error : 'no total voting power' }
      else {
        try {
          result = {
            snapshotBlock: Number(p.snapshotBlock),
            supportThreshold: p.supportThreshold,
            minVotingPower: p.minVotingPower.toString(),
            totalVotingPower: decodeTotalVotingPower(total.value).toString(),
          } satisfies ProposalParams
        } catch (error) {
          result = { error: (error as Error).message }
        }
      }
      rows.push({ blockHash: r.log.blockHash, blockNumber: r.log.blockNumber, kind: 'proposalParams', key: proposalReadKey(r.log.address, r.proposalId), result: JSON.stringify(result) })
    })
    return rows
  }
}

export type ReadPlanner = ReturnType<typeof createReadPlanner>
