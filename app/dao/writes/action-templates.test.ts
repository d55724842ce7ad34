import { encodeFunctionData, erc20Abi, hexToString, parseEther, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'

import { optimisticActionsAbi } from '#contracts-abi/OptimisticActions'
import { pessimisticActionsAbi } from '#contracts-abi/PessimisticActions'
import { smartAccountAbi } from '#contracts-abi/SmartAccount'
import { tagTrustlessManagementAbi } from '#contracts-abi/TagTrustlessManagement'
import { tasksAbi } from '#contracts-abi/Tasks'
import { tokenVotingAbi } from '#contracts-abi/TokenVoting'
import { verifiedContributorAbi } from '#contracts-abi/VerifiedContributor'
import { buildActions, templatesFor } from './action-templates'
import type { ContractWrite, WriteStep } from '~/chain-writes/use-tx-flow'
import type { DaoContracts } from './dao-contracts'
import { createOptimisticStep, createProposalStep, rejectOptimisticStep, voteStep } from './governance-calls'

/** A governance step is a contract call (never a plain transfer): its write as one. */
function callOf(step: WriteStep): ContractWrite {
  if (!('functionName' in step.write)) throw new Error(`${step.label} is a plain transfer, not a contract call`)
  return step.write
}

// The governance writes use the ovc-frontend's call paths: each call's calldata is the one the
// reference README names (compared with an independent encoding), and each sentence says what
// the call does. (app/ decodes no calldata: the indexer does.)

const call = encodeFunctionData as (input: { abi: readonly unknown[]; functionName: string; args: readonly unknown[] }) => Hex

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as `0x${string}`
const contracts: DaoContracts = {
  chainId: 31337,
  verifiedContributor: a(1),
  tagManager: a(2),
  tasks: a(3),
  optimisticActions: a(4),
  pessimisticActions: a(5),
  addressTrustlessManagement: a(6),
  erc721CountTrustlessManagement: a(7),
  tagTrustlessManagement: a(8),
  openToken: a(9),
  bodies: [
    { slug: 'openmesh', name: 'Openmesh DAO', plugin: a(10), account: a(11), tag: null },
    { slug: 'dispute', name: 'Dispute department', plugin: a(12), account: a(13), tag: `0x${'ab'.repeat(32)}` },
  ],
}
const [openmesh, dispute] = contracts.bodies as [DaoContracts['bodies'][0], DaoContracts['bodies'][0]]
const JAMILA = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720'
const names = { [JAMILA.toLowerCase()]: 'Jamila Yusuf' }

describe('governance writes', () => {
  it('offers each body only what it may do', () => {
    expect(templatesFor(openmesh, 'action')).toEqual(['mintOvc'])
    expect(templatesFor(dispute, 'action')).toEqual(['partialPayment'])
    expect(templatesFor(openmesh, 'proposal')).toEqual(['none', 'sendEth', 'sendToken', 'burnOvc'])
    expect(templatesFor(dispute, 'proposal')).toContain('resolveDispute')
  })

  it('creates an add-contributor action through asDAO(createAction(…)) with a random OVC id', () => {
    const [built] = buildActions(contracts, openmesh, 'action', { kind: 'mintOvc', to: JAMILA, names })
    expect(built!.sentence).toBe('Mint OVC to Jamila Yusuf')
    // mint(to, tokenId): the token id is the last 32 bytes, random and large.
    const tokenId = BigInt(`0x${built!.action.data.slice(-64)}`)
    expect(tokenId).toBeGreaterThan(2n ** 128n)
    expect(built!.action.data).toBe(call({ abi: verifiedContributorAbi, functionName: 'mint', args: [JAMILA, tokenId] }))

    const step = createOptimisticStep(contracts, openmesh, [built!.action], 'ipfs://bafkreiabc')
    expect(callOf(step).address).toBe(contracts.erc721CountTrustlessManagement)
    expect(callOf(step).functionName).toBe('asDAO')
    const [dao, role, inner] = callOf(step).args as [string, bigint, { to: string; data: `0x${string}` }[]]
    expect([dao, role, inner[0]!.to]).toEqual([openmesh.account, 1n, contracts.optimisticActions])
    expect(inner[0]!.data).toBe(
      call({
        abi: optimisticActionsAbi,
        functionName: 'createAction',
        args: [contracts.addressTrustlessManagement, BigInt(contracts.optimisticActions!), [built!.action], 0n, 'ipfs://bafkreiabc'],
      }),
    )
  })

  it('rejects a department action through TagTrustlessManagement with the tag as role and an ipfs {reason}', () => {
    const step = rejectOptimisticStep(contracts, dispute, 4, 'ipfs://bafkreireason')
    expect(callOf(step).address).toBe(contracts.tagTrustlessManagement)
    const [dao, role, inner] = callOf(step).args as [string, bigint, { data: `0x${string}` }[]]
    expect([dao, role]).toEqual([dispute.account, BigInt(dispute.tag!)])
    expect(inner[0]!.data).toBe(call({ abi: optimisticActionsAbi, functionName: 'rejectAction', args: [4, 'ipfs://bafkreireason'] }))
    expect(tagTrustlessManagementAbi.some((item) => item.type === 'function' && item.name === 'asDAO')).toBe(true)
  })

  it('wraps a department proposal’s call as SmartAccount.performCall: resolving a dispute runs the PessimisticActions action', () => {
    const [built] = buildActions(contracts, dispute, 'proposal', { kind: 'resolveDispute', disputeActionId: '3' })
    expect(built!.action.to).toBe(dispute.account)
    const run = call({ abi: pessimisticActionsAbi, functionName: 'executeAction', args: [dispute.account, 3] })
    expect(built!.action.data).toBe(call({ abi: smartAccountAbi, functionName: 'performCall', args: [contracts.pessimisticActions, 0n, run] }))
    expect(built!.sentence).toContain('smart account')

    const [pay] = buildActions(contracts, dispute, 'proposal', { kind: 'partialPayment', taskId: '21', amount: '0.3' })
    const payment = call({ abi: tasksAbi, functionName: 'partialPayment', args: [21n, [parseEther('0.3')], []] })
    expect(pay!.action.data).toBe(call({ abi: smartAccountAbi, functionName: 'performCall', args: [contracts.tasks, 0n, payment] }))
    expect(pay!.sentence).toMatch(/^Pay 0\.3 ETH for task #21/)
  })

  it('proposes treasury transfers with {title, summary} metadata as toHex("ipfs://…"), from now for the minimum duration', () => {
    const [eth] = buildActions(contracts, openmesh, 'proposal', { kind: 'sendEth', to: JAMILA, amount: '1', names })
    expect(eth).toEqual({ action: { to: JAMILA, value: parseEther('1'), data: '0x' }, sentence: 'Send 1 ETH to Jamila Yusuf' })
    const [token] = buildActions(contracts, openmesh, 'proposal', { kind: 'sendToken', token: contracts.openToken!, tokenSymbol: 'OPEN', tokenDecimals: 18, to: JAMILA, amount: '100', names })
    expect(token!.action.data).toBe(call({ abi: erc20Abi, functionName: 'transfer', args: [JAMILA, parseEther('100')] }))
    expect(token!.sentence).toBe('Send 100 OPEN to Jamila Yusuf')
    const step = createProposalStep(openmesh, 'ipfs://bafkreiproposal', [eth!.action])
    const [metadata, actions, failureMap, start, end, option, early] = callOf(step).args as [`0x${string}`, unknown[], bigint, bigint, bigint, number, boolean]
    expect(hexToString(metadata)).toBe('ipfs://bafkreiproposal')
    expect([actions.length, failureMap, start, end, option, early]).toEqual([1, 0n, 0n, 0n, 0, false])
    expect(callOf(voteStep(openmesh, '7', 'abstain')).args).toEqual([7n, 1, true])
    expect(tokenVotingAbi.length).toBeGreaterThan(0)
  })

  it('refuses bad input in words before anything is signed', () => {
    expect(() => buildActions(contracts, openmesh, 'proposal', { kind: 'sendEth', to: '0x12', amount: '1' })).toThrow(/must be an address/)
    expect(() => buildActions(contracts, openmesh, 'proposal', { kind: 'sendEth', to: JAMILA, amount: 'lots' })).toThrow(/as a number/)
    expect(() => buildActions(contracts, openmesh, 'proposal', { kind: 'sendEth', to: JAMILA, amount: '0' })).toThrow(/above zero/)
    expect(buildActions(contracts, openmesh, 'proposal', { kind: 'none' })).toEqual([])
  })
})
