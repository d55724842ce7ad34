import type { Hex } from 'viem'
import type { DecodedEvent } from '../decode/decoder'
import { RetryableError } from '../rpc/errors'
import type { Eth, RpcLog } from '../rpc/eth'
import type { JsonRpcCall } from '../rpc/transport'
import { balanceCalls, decodeBalances, decodeTaskInfo, getTaskCall, type TaskInfoCache } from './escrow'
import { readProposalParams } from './proposal'

// Which contract reads a range's events need, and doing them (pinned to each event's block hash)
// while the range is fetched, so the batch transaction never waits on the network. Reads of a
// range go out in a few JSON-RPC batches rather than one request each.

export type ReadRow = { blockHash: Hex; blockNumber: number; kind: string; key: string; result: string }

const BATCH = 200

export function createReadPlanner({ eth, tasks, cache }: { eth: Eth; tasks?: Hex; cache: TaskInfoCache }) {
  /** Runs the calls in batches; a batch with a failing call is retried call by call so one revert stays one. */
  async function runCalls(calls: JsonRpcCall[]): Promise<({ ok: true; value: Hex } | { ok: false; error: string })[]> {
    const out: ({ ok: true; value: Hex } | { ok: false; error: string })[] = []
    for (let i = 0; i < calls.length; i += BATCH) {
      const chunk = calls.slice(i, i + BATCH)
      try {
        const values = await eth.rpc.batch<Hex>(chunk)
        out.push(...values.map((value) => ({ ok: true as const, value })))
      } catch (error) {
        if (error instanceof RetryableError) throw error
        for (const c of chunk) {
          try {
            out.push({ ok: true, value: await eth.rpc.request<Hex>(c.method, c.params) })
          } catch (inner) {
            if (inner instanceof RetryableError) throw inner
            out.push({ ok: false, error: (inner as Error).message })
          }
        }
      }
    }
    return out
  }

  return async function readsFor(entries: { log: RpcLog; event: DecodedEvent | undefined }[]): Promise<ReadRow[]> {
    const rows: ReadRow[] = []
    const escrowReads = new Map<string, { log: RpcLog; taskId: bigint }>()
    const proposalReads: { log: RpcLog; proposalId: bigint }[] = []
    for (const { log, event } of entries) {
      if (!event) continue
      if (event.contract === 'tasks' && event.name === 'TaskCreated') {
        const a = event.args as { taskId: bigint; escrow: string; budget: { tokenContract: string }[] }
        cache.set(a.taskId.toString(), {
          escrow: a.escrow.toLowerCase() as Hex,
          tokens: a.budget.map((b) => b.tokenContract.toLowerCase() as Hex),
          blockNumber: log.blockNumber,
        })
      } else if (event.contract === 'tasks' && event.name === 'BudgetChanged' && tasks) {
        const taskId = event.args.taskId as bigint
        escrowReads.set(`${log.blockHash}:${taskId}`, { log, taskId })
      } else if (event.contract === 'tokenVoting' && event.name === 'ProposalCreated') {
        proposalReads.push({ log, proposalId: event.args.proposalId as bigint })
      }
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
    const calls = readable.map((w) => balanceCalls(cache.get(w.taskId.toString())!, w.log.blockHash))
    const results = await runCalls(calls.flat())
    let offset = 0
    readable.forEach((w, i) => {
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
      rows.push({ blockHash: w.log.blockHash, blockNumber: w.log.blockNumber, kind: 'escrowBalances', key: w.taskId.toString(), result: JSON.stringify(result) })
    })
    for (const w of wanted.filter((x) => failed.has(x.taskId.toString()))) {
      const result = JSON.stringify({ error: failed.get(w.taskId.toString()) })
      rows.push({ blockHash: w.log.blockHash, blockNumber: w.log.blockNumber, kind: 'escrowBalances', key: w.taskId.toString(), result })
    }

    // Proposal parameters: rare, one at a time.
    for (const { log, proposalId } of proposalReads) {
      let result: unknown
      try {
        result = await readProposalParams(eth, log.address, proposalId, log.blockHash)
      } catch (error) {
        // Transient failures fail the range (it is fetched again); a revert or an answer that does
        // not decode is an outcome of its own, recorded so the projection can say so.
        if (error instanceof RetryableError) throw error
        result = { error: (error as Error).message }
      }
      rows.push({ blockHash: log.blockHash, blockNumber: log.blockNumber, kind: 'proposalParams', key: proposalId.toString(), result: JSON.stringify(result) })
    }
    return rows
  }
}

export type ReadPlanner = ReturnType<typeof createReadPlanner>
