import { encodeFunctionData, parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { openTokenAbi, tasksAbi, tokenVotingAbi, verifiedContributorAbi } from '../../contracts-abi'
import { describeAction, type KnownContracts, type Segment } from './decode-action.server'

const OVC = '0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9'
const OPEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3'
const TASKS = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512'
const VOTING = '0xdc64a140aa3e981100a9beca4e685f962f0cf6c9'
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const STRANGER = '0x1111111111111111111111111111111111111111'

const known: KnownContracts = new Map([
  [OVC, 'verifiedContributor'],
  [OPEN, 'openToken'],
  [TASKS, 'tasks'],
  [VOTING, 'tokenVoting'],
])

/** The sentence as a reader sees it, addresses in full. */
const sentence = (segments: Segment[]) =>
  segments.map((s) => ('text' in s ? s.text : 'address' in s ? `<${s.address}>` : `task #${s.task}`)).join('')

describe('describeAction', () => {
  it('reads an OVC mint as "mint OVC #n to <address>"', () => {
    const data = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [ALICE, 6n] })
    const view = describeAction({ to: OVC.toUpperCase().replace('0X', '0x'), value: '0', data }, known)
    expect(sentence(view.summary)).toBe(`mint OVC #6 to <${ALICE.toLowerCase()}>`)
    expect(view).toMatchObject({ to: OVC, contract: 'verifiedContributor', valueLabel: null })
    expect(view.call).toEqual({
      functionName: 'mint',
      args: [
        { name: 'to', type: 'address', value: ALICE.toLowerCase(), address: true },
        { name: 'tokenId', type: 'uint256', value: '6', address: false },
      ],
    })
  })

  it('reads burns, metadata updates and OPEN transfers', () => {
    const burn = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'burn', args: [5n] })
    expect(sentence(describeAction({ to: OVC, value: '0', data: burn }, known).summary)).toMatch(/^burn OVC #5/)
    const update = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'updateMetadata', args: ['ipfs://bafy'] })
    expect(sentence(describeAction({ to: OVC, value: '0', data: update }, known).summary)).toBe('update the OVC metadata to ipfs://bafy')
    const transfer = encodeFunctionData({ abi: openTokenAbi, functionName: 'transfer', args: [ALICE, parseEther('2500')] })
    expect(sentence(describeAction({ to: OPEN, value: '0', data: transfer }, known).summary)).toBe(
      `transfer 2500 OPEN to <${ALICE.toLowerCase()}>`,
    )
  })

  it('links the task of a completeByDispute', () => {
    const data = encodeFunctionData({ abi: tasksAbi, functionName: 'completeByDispute', args: [12n, [parseEther('1')], []] })
    const view = describeAction({ to: TASKS, value: '0', data }, known)
    expect(view.summary).toContainEqual({ task: '12' })
    expect(sentence(view.summary)).toBe('completeByDispute task #12')
    expect(view.call?.functionName).toBe('completeByDispute')
  })

  it('describes a plain ETH transfer', () => {
    const view = describeAction({ to: ALICE, value: parseEther('2').toString(), data: '0x' }, known)
    expect(sentence(view.summary)).toBe(`send 2 ETH to <${ALICE.toLowerCase()}>`)
    expect(view).toMatchObject({ contract: null, call: null, valueLabel: '2 ETH' })
  })

  it('falls back to function(args) for other calls of our contracts', () => {
    const data = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'delegate', args: [ALICE] })
    const view = describeAction({ to: OVC, value: '0', data }, known)
    expect(sentence(view.summary)).toBe(`delegate(${ALICE.toLowerCase()}) on Verified Contributor (OVC) <${OVC}>`)
  })

  it('leaves calls to unknown contracts as raw calldata', () => {
    const data = encodeFunctionData({ abi: openTokenAbi, functionName: 'transfer', args: [ALICE, 1n] })
    const view = describeAction({ to: STRANGER, value: '0', data }, known)
    expect(view.call).toBeNull()
    expect(view.data).toBe(data)
    expect(sentence(view.summary)).toContain('raw calldata')
  })

  it('leaves calldata that is not a function of the target as raw, without throwing', () => {
    const wrong = encodeFunctionData({ abi: tokenVotingAbi, functionName: 'execute', args: [1n] })
    expect(describeAction({ to: OVC, value: '0', data: wrong }, known).call).toBeNull()
    expect(describeAction({ to: OVC, value: '0', data: '0xdeadbeef00' }, known).call).toBeNull()
    expect(describeAction({ to: OVC, value: 'lots', data: 'not hex' }, known)).toMatchObject({ value: '0', data: '0x', call: null })
    expect(describeAction(null as never, known)).toMatchObject({ to: '', value: '0', data: '0x', call: null })
  })

  it("uses the indexer's contract kind when the deployment does not list the address", () => {
    const data = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'burn', args: [1n] })
    const view = describeAction({ to: STRANGER, value: '0', data, contract: 'verifiedContributor' }, new Map())
    expect(view.call?.functionName).toBe('burn')
    expect(describeAction({ to: STRANGER, value: '0', data, contract: 'nonsense' }, new Map()).call).toBeNull()
  })
})
