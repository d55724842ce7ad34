import { encodeFunctionData, parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { openTokenAbi, tasksAbi, verifiedContributorAbi } from '#contracts-abi/index'
import type { DecodedAction, DecodedArg } from '#db/schema/chain'
import { describeAction, type KnownContracts, type Segment } from './decode-action.server'

// Actions as the indexer stores them (indexer/projections/actions.ts decodes the calldata once):
// the call's function and its arguments, named and typed as in the ABI, values as JSON.

const OVC = '0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9'
const OPEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3'
const TASKS = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512'
const VOTING = '0xdc64a140aa3e981100a9beca4e685f962f0cf6c9'
const ALICE = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'
const STRANGER = '0x1111111111111111111111111111111111111111'

const known: KnownContracts = new Map([
  [OVC, 'verifiedContributor'],
  [OPEN, 'openToken'],
  [TASKS, 'tasks'],
  [VOTING, 'tokenVoting'],
])

const arg = (name: string, type: string, value: DecodedArg['value']): DecodedArg => ({ name, type, value })
const mintData = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [ALICE, 6n] })
const mint: DecodedAction = {
  to: OVC,
  value: '0',
  data: mintData,
  contract: 'verifiedContributor',
  functionName: 'mint',
  args: [arg('to', 'address', ALICE), arg('tokenId', 'uint256', '6')],
}

/** The sentence as a reader sees it, addresses in full. */
const sentence = (segments: Segment[]) =>
  segments.map((s) => ('text' in s ? s.text : 'address' in s ? `<${s.address}>` : `task #${s.task}`)).join('')

describe('describeAction', () => {
  it('reads an OVC mint as "mint OVC #n to <address>"', () => {
    const view = describeAction({ ...mint, to: OVC.toUpperCase().replace('0X', '0x') }, known)
    expect(sentence(view.summary)).toBe(`mint OVC #6 to <${ALICE}>`)
    expect(view).toMatchObject({ to: OVC, contract: 'verifiedContributor', valueLabel: null, data: mintData })
    expect(view.call).toEqual({
      functionName: 'mint',
      args: [
        { name: 'to', type: 'address', value: ALICE, address: true },
        { name: 'tokenId', type: 'uint256', value: '6', address: false },
      ],
    })
  })

  it('reads burns, metadata updates and OPEN transfers', () => {
    const call = (to: string, contract: string, functionName: string, args: DecodedArg[]): DecodedAction => ({ to, value: '0', data: '0x12345678', contract, functionName, args })
    expect(sentence(describeAction(call(OVC, 'verifiedContributor', 'burn', [arg('tokenId', 'uint256', '5')]), known).summary)).toMatch(/^burn OVC #5/)
    expect(sentence(describeAction(call(OVC, 'verifiedContributor', 'updateMetadata', [arg('metadata', 'string', 'ipfs://bafy')]), known).summary)).toBe(
      'update the OVC metadata to ipfs://bafy',
    )
    const transfer = call(OPEN, 'openToken', 'transfer', [arg('to', 'address', ALICE), arg('value', 'uint256', parseEther('2500').toString())])
    expect(sentence(describeAction(transfer, known).summary)).toBe(`transfer 2500 OPEN to <${ALICE}>`)
    // An amount that is not a decimal string is not made up: the call is shown as it is.
    const odd = call(OPEN, 'openToken', 'transfer', [arg('to', 'address', ALICE), arg('value', 'uint256', 'lots')])
    expect(sentence(describeAction(odd, known).summary)).toBe(`transfer(${ALICE}, lots) on OPEN token <${OPEN}>`)
  })

  it('links the task of a completeByDispute', () => {
    const data = encodeFunctionData({ abi: tasksAbi, functionName: 'completeByDispute', args: [12n, [parseEther('1')], []] })
    const view = describeAction(
      { to: TASKS, value: '0', data, contract: 'tasks', functionName: 'completeByDispute', args: [arg('_taskId', 'uint256', '12'), arg('_partialNativeReward', 'uint96[]', ['1000000000000000000']), arg('_partialReward', 'uint88[]', [])] },
      known,
    )
    expect(view.summary).toContainEqual({ task: '12' })
    expect(sentence(view.summary)).toBe('completeByDispute task #12')
    expect(view.call?.args[1]).toEqual({ name: '_partialNativeReward', type: 'uint96[]', value: '["1000000000000000000"]', address: false })
  })

  it('describes a plain ETH transfer', () => {
    const view = describeAction({ to: ALICE, value: parseEther('2').toString(), data: '0x' }, known)
    expect(sentence(view.summary)).toBe(`send 2 ETH to <${ALICE}>`)
    expect(view).toMatchObject({ contract: null, call: null, valueLabel: '2 ETH' })
  })

  it('falls back to function(args) for other calls of our contracts', () => {
    const view = describeAction({ to: OVC, value: '0', data: '0x5c19a95c', contract: 'verifiedContributor', functionName: 'delegate', args: [arg('delegatee', 'address', ALICE)] }, known)
    expect(sentence(view.summary)).toBe(`delegate(${ALICE}) on Verified Contributor (OVC) <${OVC}>`)
  })

  it('leaves calldata the indexer did not decode as raw calldata', () => {
    const data = encodeFunctionData({ abi: openTokenAbi, functionName: 'transfer', args: [ALICE, 1n] })
    const view = describeAction({ to: STRANGER, value: '0', data }, known)
    expect(view.call).toBeNull()
    expect(view.data).toBe(data)
    expect(sentence(view.summary)).toContain('raw calldata')
    expect(describeAction({ to: OVC, value: '0', data: '0xdeadbeef00' }, known).call).toBeNull()
  })

  it('never trusts the row: malformed entries are shown raw or empty, without throwing', () => {
    expect(describeAction({ ...mint, functionName: 'mint(); alert(1)' }, known).call).toBeNull()
    expect(describeAction({ ...mint, args: [null as never] }, known).call).toBeNull()
    expect(describeAction({ ...mint, args: 'x' as never }, known).call).toBeNull()
    // Decoded for another contract than the one this address is: not used.
    expect(describeAction({ ...mint, contract: 'openToken' }, known).call).toBeNull()
    expect(describeAction({ to: OVC, value: 'lots', data: 'not hex' }, known)).toMatchObject({ value: '0', data: '0x', call: null })
    expect(describeAction(null as never, known)).toMatchObject({ to: '', value: '0', data: '0x', call: null })
  })

  it("uses the indexer's contract kind when the deployment does not list the address", () => {
    const burn: DecodedAction = { to: STRANGER, value: '0', data: '0x42966c68', contract: 'verifiedContributor', functionName: 'burn', args: [arg('tokenId', 'uint256', '1')] }
    expect(describeAction(burn, new Map()).call?.functionName).toBe('burn')
    expect(describeAction({ ...burn, contract: 'nonsense' }, new Map()).call).toBeNull()
  })
})
