import { toEventSelector, type Abi, type AbiEvent, type Hex } from 'viem'
import { contractAbis, type EventArgs, type EventName, type IndexedContractKind } from './abis'
import { compileParams, compileTopic } from './abi-decode'

// Turns a raw log into { contract, name, args } with the ABI of the contract that emitted it.
// A log the ABI does not describe (or that is malformed) decodes to undefined: it stays in
// raw_logs but projects nothing. Decoding never throws.

/**
 * A decoded event: one member per (contract, event) of the ABIs, so checking `contract` and `name`
 * gives `args` their types.
 */
export type DecodedEvent = {
  [K in IndexedContractKind]: { [N in EventName<K>]: { contract: K; name: N; args: EventArgs<K, N> } }[EventName<K>]
}[IndexedContractKind]
export type LogLike = { address: string; topics: readonly Hex[]; data: Hex }
export type Decoder = (log: LogLike) => DecodedEvent | undefined

type PreparedEvent = {
  name: string
  topics: number
  data: ((data: string) => unknown[]) | undefined
  fields: { name: string; indexed: boolean; index: number; topic?: (topic: string) => unknown }[]
}

function eventsOf(abi: Abi): AbiEvent[] {
  return abi.filter((item): item is AbiEvent => item.type === 'event')
}

function prepare(event: AbiEvent): PreparedEvent {
  const indexed = event.inputs.filter((i) => i.indexed)
  const data = event.inputs.filter((i) => !i.indexed)
  let t = 0
  let d = 0
  const fields = event.inputs.map((input, n) =>
    input.indexed
      ? { name: input.name || String(n), indexed: true, index: t++, topic: compileTopic(input) }
      : { name: input.name || String(n), indexed: false, index: d++ },
  )
  return { name: event.name, topics: indexed.length + 1, data: data.length > 0 ? compileParams(data) : undefined, fields }
}

/** `only`: decode just these events ("contract.EventName"); every other log decodes to undefined. */
export function createDecoder(contracts: { kind: IndexedContractKind; address: string }[], { only }: { only?: ReadonlySet<string> } = {}): Decoder {
  const byAddress = new Map<string, { kind: IndexedContractKind; events: Map<string, PreparedEvent> }>()
  for (const { kind, address } of contracts) {
    const wanted = eventsOf(contractAbis[kind] as Abi).filter((event) => !only || only.has(`${kind}.${event.name}`))
    const events = new Map(wanted.map((event) => [toEventSelector(event), prepare(event)]))
    byAddress.set(address.toLowerCase(), { kind, events })
  }
  return (log) => {
    const contract = byAddress.get(log.address.toLowerCase())
    const topic0 = log.topics[0]
    if (!contract || !topic0) return undefined
    const event = contract.events.get(topic0.toLowerCase())
    if (!event || log.topics.length !== event.topics) return undefined
    try {
      const values = event.data ? event.data(log.data) : []
      const args: Record<string, unknown> = {}
      for (const f of event.fields) args[f.name] = f.topic ? f.topic(log.topics[f.index + 1]!) : values[f.index]
      // Decoded against this very event's inputs, so the arguments are of its ABI types.
      return { contract: contract.kind, name: event.name, args } as DecodedEvent
    } catch {
      return undefined
    }
  }
}
