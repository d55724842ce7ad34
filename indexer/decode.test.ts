import { decodeEventLog, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { useAnvil } from '../test/setup'
import { contractAbis, type IndexedContractKind } from './decode/abis'
import { decodeParams } from './decode/abi-decode'
import { createDecoder } from './decode/decoder'
import { toJson } from './projections/actions'
import { rpc } from './testing/chain'
import { generateWorkload } from './testing/workload'
import { deployWorld } from './testing/world'

// The hot-path decoder must read every event of the portal's contracts exactly as viem does.

describe('log decoder', () => {
  it('decodes every generated event like viem', async () => {
    const anvil = await useAnvil()
    const world = await deployWorld(anvil.rpcUrl)
    await generateWorkload(world, { events: 1500, seed: 41, tasksPerCohort: 30 })
    const kinds = ['tasks', 'verifiedContributor', 'tokenVoting', 'optimisticActions', 'dao'] as const
    const contracts = kinds.map((kind) => ({ kind, address: world.deployment.contracts[kind]!.address.toLowerCase() }))
    const decode = createDecoder(contracts)
    const logs = await rpc<{ address: Hex; topics: Hex[]; data: Hex }[]>(anvil.rpcUrl, 'eth_getLogs', [
      { fromBlock: '0x0', toBlock: 'latest', address: contracts.map((c) => c.address) },
    ])
    const names = new Set<string>()
    for (const log of logs) {
      const kind = contracts.find((c) => c.address === log.address.toLowerCase())!.kind as IndexedContractKind
      const expected = decodeEventLog({ abi: contractAbis[kind], data: log.data, topics: log.topics as [Hex, ...Hex[]] })
      const actual = decode(log)!
      expect(actual.name).toBe(expected.eventName)
      expect(toJson(actual.args)).toEqual(toJson(expected.args ?? {}))
      names.add(actual.name)
    }
    expect(names.size).toBeGreaterThanOrEqual(25)

    // The fetch worker decodes only the events its reads need; every other log stays undecoded.
    const only = new Set(['tasks.TaskCreated', 'tokenVoting.ProposalCreated'])
    const partial = createDecoder(contracts, { only })
    const decoded = logs.map((log) => partial(log)).filter((e) => e !== undefined)
    expect(new Set(decoded.map((e) => `${e.contract}.${e.name}`))).toEqual(only)
    expect(decoded).toEqual(logs.map((log) => decode(log)!).filter((e) => only.has(`${e.contract}.${e.name}`)))
  }, 60_000)

  it('refuses malformed data instead of inventing values', () => {
    expect(() => decodeParams([{ type: 'string', name: 's' }], '0x' + '00'.repeat(31) + '20')).toThrow()
    const decode = createDecoder([{ kind: 'tasks', address: '0x0000000000000000000000000000000000000001' }])
    expect(decode({ address: '0x0000000000000000000000000000000000000001', topics: ['0x' + '11'.repeat(32)] as Hex[], data: '0x' })).toBeUndefined()
  })
})
