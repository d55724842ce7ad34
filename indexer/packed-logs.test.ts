import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import type { Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import type { IndexedLog } from './rpc/eth'
import { packedBuffers, packedInOrder, packLogs, unpackLogs, type PackedLogs } from './store/packed-logs'

// Packed logs carry the backfill's logs from the fetch worker to the writer: what comes out must
// be exactly what went in, field by field, or raw_logs would store something the node never sent.

const hex = (byte: string, bytes: number) => `0x${byte.repeat(bytes)}` as Hex

function log(block: number, tx: number, index: number, topics: number, data: Hex = '0x'): IndexedLog {
  return {
    address: hex((index % 3).toString(16).padStart(2, '0'), 20),
    topics: Array.from({ length: topics }, (_, t) => hex(`${t}${index % 10}`, 32)),
    data,
    blockHash: hex(`b${block % 10}`, 32),
    blockNumber: block,
    blockTimestamp: 1_700_000_000 + block * 12,
    transactionHash: hex(`${tx % 10}${block % 10}`, 32),
    transactionIndex: tx,
    logIndex: index,
  }
}

const logs = [
  log(7, 0, 0, 0),
  log(7, 0, 1, 4, hex('ab', 96)),
  log(7, 1, 2, 2, '0x00'),
  log(8, 0, 0, 1, hex('ff', 1)),
  log(8, 0, 1, 3),
  log(2_000_000_000, 5, 900, 4, hex('01', 2048)),
]

/** Sends packed logs through a real message port, transferring the buffers, as the fetch worker does. */
function throughPort(packed: PackedLogs): PackedLogs {
  const { port1, port2 } = new MessageChannel()
  port1.postMessage(packed, packedBuffers(packed))
  const received = receiveMessageOnPort(port2)!.message as PackedLogs
  port1.close()
  return received
}

describe('packed logs', () => {
  it('give back every field of every log, after a transfer between threads', () => {
    const packed = packLogs(logs)!
    const received = throughPort(packed)
    // Transferred, not copied: the sender's buffers are detached.
    expect(packed.text.byteLength).toBe(0)
    expect(unpackLogs(received)).toEqual(logs)
  })

  it('store a block hash, transaction hash or address shared with the previous log once', () => {
    const sameTx = [log(9, 0, 0, 1), log(9, 0, 1, 1)].map((l) => ({ ...l, address: logs[0]!.address }))
    const packed = packLogs(sameTx)!
    const fields = (l: IndexedLog) => l.address.length + l.blockHash.length + l.transactionHash.length + l.data.length + l.topics.join('').length
    expect(packed.text.length).toBe(fields(sameTx[0]!) + sameTx[1]!.data.length + sameTx[1]!.topics.join('').length)
    expect(unpackLogs(packed)).toEqual(sameTx)
  })

  it('handle an empty range', () => {
    expect(unpackLogs(throughPort(packLogs([])!))).toEqual([])
  })

  it('refuse text that is not plain ASCII, so such a range travels as objects', () => {
    expect(packLogs([{ ...logs[1]!, data: '0xé1' as Hex }])).toBeUndefined()
    expect(packLogs([{ ...logs[1]!, topics: ['0x€' as Hex] }])).toBeUndefined()
  })

  it('tell whether lists are in strictly increasing log order, across lists', () => {
    expect(packedInOrder([packLogs(logs.slice(0, 3))!, packLogs(logs.slice(3))!])).toBe(true)
    // Out of order across two lists, a duplicate, and out of order inside a block.
    expect(packedInOrder([packLogs(logs.slice(3))!, packLogs(logs.slice(0, 3))!])).toBe(false)
    expect(packedInOrder([packLogs([logs[1]!, logs[1]!])!])).toBe(false)
    expect(packedInOrder([packLogs([logs[2]!, logs[1]!])!])).toBe(false)
  })
})
