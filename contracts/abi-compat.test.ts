import fs from 'node:fs'
import path from 'node:path'
import { toEventSelector, toFunctionSelector, type Abi, type AbiParameter } from 'viem'
import { describe, expect, it } from 'vitest'
import { optimisticActionsAbi, tasksAbi, tokenVotingAbi, verifiedContributorAbi } from '../contracts-abi'

// Our contracts against the public ABIs of Openmesh's deployed ones (../shared/reference-abi):
// every event and function we implement has the same name, parameter names, types (tuple
// components included), order, `indexed` flags, outputs and mutability, so the indexer and the UI
// work against either. What we leave out is listed below with the reason.

// A vendored copy of shared/reference-abi, so the repository checks itself anywhere.
const referenceDir = path.resolve('contracts', 'reference-abi')

const ours: Record<string, Abi> = {
  Tasks: tasksAbi,
  VerifiedContributor: verifiedContributorAbi,
  TokenVoting: tokenVotingAbi,
  OptimisticActions: optimisticActionsAbi,
}

/** Reference contracts we do not implement at all. */
const omittedContracts: Record<string, string> = {
  RFPs: 'requests for proposals (built on Tasks) are not part of the portal; the indexer does not read them',
}

const aragonUpgradeability =
  'Aragon OSx UUPS-proxy upgradeability: our plugin is deployed with `new` and configured in its constructor, never upgraded'
const ensAdmin =
  "returns the Openmesh admin of the deployed contract's ENS reverse-claim helper; our contracts have no owner"

/** Reference items we leave out, by contract and signature. */
const omittedItems: Record<string, Record<string, string>> = {
  Tasks: { 'function owner()': ensAdmin },
  VerifiedContributor: { 'function owner()': ensAdmin },
  TokenVoting: {
    'event AdminChanged(address,address)': aragonUpgradeability,
    'event BeaconUpgraded(address)': aragonUpgradeability,
    'event Upgraded(address)': aragonUpgradeability,
    'event Initialized(uint8)': `${aragonUpgradeability} (no initializer, so no Initialized event)`,
    'function initialize(address,(uint8,uint32,uint32,uint64,uint256),address)': aragonUpgradeability,
    'function implementation()': aragonUpgradeability,
    'function proxiableUUID()': aragonUpgradeability,
    'function upgradeTo(address)': aragonUpgradeability,
    'function upgradeToAndCall(address,bytes)': aragonUpgradeability,
    'function UPGRADE_PLUGIN_PERMISSION_ID()': aragonUpgradeability,
    'event MembersAdded(address[])':
      "Aragon's address-list membership; membership here is holding the OVC, announced by MembershipContractAnnounced",
    'event MembersRemoved(address[])':
      "Aragon's address-list membership; membership here is holding the OVC, announced by MembershipContractAnnounced",
  },
  OptimisticActions: {},
}

/** Implemented with a different state mutability; callers use them the same way. */
const mutabilityExceptions: Record<string, string> = {
  'TokenVoting function supportsInterface(bytes4)': 'pure here (a fixed answer), view in Aragon’s upgradeable plugin',
}

type Item = { type: string; name?: string; inputs?: readonly AbiParameter[]; outputs?: readonly AbiParameter[]; stateMutability?: string }

function readReference(name: string): Item[] {
  const file = path.join(referenceDir, `${name}.abi.json`)
  if (!fs.existsSync(file)) throw new Error(`reference ABI not found at ${file}: contracts/reference-abi is a vendored copy of Openmesh's ABIs`)
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { abi: Item[] }).abi
}

function typeOf(param: AbiParameter): string {
  return 'components' in param && param.components
    ? `(${param.components.map(typeOf).join(',')})${param.type.slice('tuple'.length)}`
    : param.type
}

function signature(item: Item): string {
  return `${item.type} ${item.name}(${(item.inputs ?? []).map(typeOf).join(',')})`
}

/** What must be identical: names, types, components, order, indexed. internalType is not compared. */
function shape(params: readonly AbiParameter[] | undefined): unknown {
  return (params ?? []).map((p) => ({
    name: p.name ?? '',
    type: p.type,
    ...('indexed' in p && p.indexed ? { indexed: true } : {}),
    ...('components' in p && p.components ? { components: shape(p.components) } : {}),
  }))
}

const compared = (item: Item) => item.type === 'event' || item.type === 'function'

describe.each(Object.keys(ours))('%s', (name) => {
  const reference = readReference(name)
  const mine = ours[name]! as readonly Item[]
  const omitted = omittedItems[name] ?? {}

  it('implements every reference event and function identically, except the listed omissions', () => {
    const problems: string[] = []
    for (const item of reference.filter(compared)) {
      const sig = signature(item)
      const match = mine.find((candidate) => compared(candidate) && signature(candidate) === sig)
      if (!match) {
        if (!omitted[sig]) problems.push(`missing: ${sig}`)
        continue
      }
      if (omitted[sig]) problems.push(`listed as omitted but implemented: ${sig}`)
      expect.soft(shape(match.inputs), `${sig} inputs`).toEqual(shape(item.inputs))
      if (item.type === 'function') {
        expect.soft(shape(match.outputs), `${sig} outputs`).toEqual(shape(item.outputs))
        if (!mutabilityExceptions[`${name} ${sig}`]) {
          expect.soft(match.stateMutability, `${sig} mutability`).toBe(item.stateMutability)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('has the same event topics and function selectors', () => {
    for (const item of reference.filter(compared)) {
      if (omitted[signature(item)]) continue
      const sig = `${item.name}(${(item.inputs ?? []).map(typeOf).join(',')})`
      const selector = item.type === 'event' ? toEventSelector(sig) : toFunctionSelector(sig)
      const found = mine.filter(compared).some((candidate) => {
        const candidateSig = `${candidate.name}(${(candidate.inputs ?? []).map(typeOf).join(',')})`
        return candidate.type === item.type &&
          (item.type === 'event' ? toEventSelector(candidateSig) : toFunctionSelector(candidateSig)) === selector
      })
      expect(found, `${item.type} ${sig}`).toBe(true)
    }
  })

  it('declares every reference custom error with the same parameter types', () => {
    const missing = reference
      .filter((item) => item.type === 'error')
      .map(signature)
      .filter((sig) => !mine.some((candidate) => candidate.type === 'error' && signature(candidate) === sig))
    expect(missing).toEqual([])
  })

  it('lists only omissions that exist in the reference, each with a reason', () => {
    const referenceSignatures = new Set(reference.map(signature))
    for (const [sig, reason] of Object.entries(omitted)) {
      expect(referenceSignatures.has(sig), sig).toBe(true)
      expect(reason.length).toBeGreaterThan(20)
    }
  })
})

it('every reference ABI is either implemented or listed as left out with a reason', () => {
  const files = fs.readdirSync(referenceDir).filter((f) => f.endsWith('.abi.json')).map((f) => f.replace('.abi.json', ''))
  expect(files.sort()).toEqual([...Object.keys(ours), ...Object.keys(omittedContracts)].sort())
})
