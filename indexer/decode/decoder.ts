import { decodeEventLog, toEventSelector, type Abi, type AbiEvent, type Hex } from 'viem'
import { contractAbis, type IndexedContractKind } from './abis'

// Turns a raw log into { contract, name, args } with the ABI of the contract that emitted it.
// A log the ABI does not describe (or that is malformed) decodes to undefined: it stays in
// raw_logs but projects nothing. Decoding never throws.

export type DecodedEvent = { contract: IndexedContractKind; name: string; args: Record<string, unknown> }
export type LogLike = { address: string; topics: readonly Hex[]; data: Hex }
export type Decoder = (log: LogLike) => DecodedEvent | undefined

export function eventsOf(abi: Abi): AbiEvent[] {
  return abi.filter((item): item is AbiEvent => item.type === 'event')
}

export function createDecoder(contracts: { kind: IndexedContractKind; address: string }[]): Decoder {
  const byAddress = new Map<string, { kind: IndexedContractKind; events: Map<string, AbiEvent> }>()
  for (const { kind, address } of contracts) {
    const events = new Map(eventsOf(contractAbis[kind]).map((event) => [toEventSelector(event), event]))
    byAddress.set(address.toLowerCase(), { kind, events })
  }
  return (log) => {
    const contract = byAddress.get(log.address.toLowerCase())
    const topic0 = log.topics[0]
    if (!contract || !topic0) return undefined
    const event = contract.events.get(topic0.toLowerCase())
    if (!event) return undefined
    try {
      const decoded = decodeEventLog({ abi: [event], data: log.data, topics: log.topics as [Hex, ...Hex[]], strict: true })
      return { contract: contract.kind, name: decoded.eventName as string, args: (decoded.args ?? {}) as Record<string, unknown> }
    } catch {
      return undefined
    }
  }
}
