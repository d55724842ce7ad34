import fs from 'node:fs'
import path from 'node:path'
import { toEventSelector, toFunctionSelector, type AbiParameter } from 'viem'
import { describe, expect, it } from 'vitest'
import * as artifacts from '../contracts-abi'
import { camelName } from './build'

// Our contracts against the ABIs of Openmesh's deployed ones, item by item: every event, function,
// error, constructor, receive and fallback of each of the 16 reference files exists in ours with
// the same name, parameter names and types (tuple components included), order, `indexed` flags,
// outputs and state mutability. `internalType` is not compared: it names Solidity types
// (`struct IDAO.Action`) that no client decodes with. What we leave out or add is listed below,
// each with its reason; anything else missing or added fails.
//
// The reference lives in ../shared/reference-abi, next to the repository. contracts/reference-abi
// is a byte-identical copy so that a clean clone (CI) checks itself: where ../shared exists, the
// copy is compared with it byte for byte; where it does not, the copy is what is checked.

const vendoredDir = path.resolve('contracts', 'reference-abi')
const sharedDir = path.resolve('..', 'shared', 'reference-abi')

type Item = {
  type: string
  name?: string
  inputs?: readonly AbiParameter[]
  outputs?: readonly AbiParameter[]
  stateMutability?: string
  anonymous?: boolean
}

/** Reference items we do not implement, by contract and item key. The DAO implements all 64. */
const omitted: Record<string, Record<string, string>> = {}

const clonesErrors = {
  'error FailedDeployment()':
    "OpenZeppelin 5.7 Clones' error; unreachable: an escrow clone is created with no value from a fresh nonce",
  'error InsufficientBalance(uint256,uint256)':
    "OpenZeppelin 5.7 Clones' error; unreachable: an escrow clone is created with no value",
  'error ReentrancyGuardReentrantCall()':
    'every state-changing function is nonReentrant: budget tokens and reward recipients are chosen by callers and may call back',
}

/** Items of ours that the reference lacks, by contract and item key. None is needed by the portal. */
const extras: Record<string, Record<string, string>> = {
  DAO: {
    'error SafeERC20FailedOperation(address)':
      "raised by OpenZeppelin 5's SafeERC20 when an ERC-20 deposit fails, where the OpenZeppelin 4 of OSx reverted with a reason string",
  },
  Tasks: clonesErrors,
  RFPs: clonesErrors,
  SmartAccount: {
    'constructor(address)':
      'the reference is the interface export (SmartAccountBase) of a modular account set up by an installer; ours takes its owner (the department DAO) at deployment',
    'receive()':
      'dispute fees, refunds and budgets arrive as plain transfers; the deployed account has receive() too (Plopmenz/smart-account src/SmartAccount.sol) but the interface export omits it',
    'fallback()':
      'routes other selectors to installed modules (e.g. execute of SmartAccountTrustlessExecution), as the deployed account does; the interface export omits it',
  },
}

function typeOf(param: AbiParameter): string {
  return 'components' in param && param.components
    ? `(${param.components.map(typeOf).join(',')})${param.type.slice('tuple'.length)}`
    : param.type
}

/** How an item is found in the other ABI: its kind, name and parameter types. */
function keyOf(item: Item): string {
  const params = `(${(item.inputs ?? []).map(typeOf).join(',')})`
  return item.name === undefined ? `${item.type}${params}` : `${item.type} ${item.name}${params}`
}

/** Everything that must be identical; internalType is left out on purpose. */
function shapeOf(params: readonly AbiParameter[] | undefined): unknown {
  return (params ?? []).map((p) => ({
    name: p.name ?? '',
    type: p.type,
    indexed: 'indexed' in p ? Boolean(p.indexed) : undefined,
    components: 'components' in p && p.components ? shapeOf(p.components) : undefined,
  }))
}

function describeItem(item: Item): unknown {
  return {
    inputs: shapeOf(item.inputs),
    outputs: item.type === 'function' ? shapeOf(item.outputs) : undefined,
    stateMutability: item.stateMutability,
    anonymous: item.type === 'event' ? Boolean(item.anonymous) : undefined,
  }
}

function selectorOf(item: Item): string | undefined {
  const sig = `${item.name}(${(item.inputs ?? []).map(typeOf).join(',')})`
  if (item.type === 'event') return `event ${toEventSelector(sig)}`
  if (item.type === 'function') return `function ${toFunctionSelector(sig)}`
  if (item.type === 'error') return `error ${toFunctionSelector(sig)}`
  return undefined
}

const referenceNames = fs
  .readdirSync(vendoredDir)
  .filter((file) => file.endsWith('.abi.json'))
  .map((file) => file.slice(0, -'.abi.json'.length))
  .sort()

function readReference(name: string): Item[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(vendoredDir, `${name}.abi.json`), 'utf8'))
  if (!Array.isArray(parsed)) throw new Error(`${name}.abi.json is not a plain ABI array`)
  return parsed as Item[]
}

function ours(name: string): readonly Item[] | undefined {
  return (artifacts as Record<string, unknown>)[`${camelName(name)}Abi`] as readonly Item[] | undefined
}

describe('the vendored reference', () => {
  it('holds the 16 ABIs, the README and deployments.json', () => {
    expect(referenceNames).toHaveLength(16)
    expect(fs.existsSync(path.join(vendoredDir, 'README.md'))).toBe(true)
    expect(fs.existsSync(path.join(vendoredDir, 'deployments.json'))).toBe(true)
  })

  it.runIf(fs.existsSync(sharedDir))('is byte-identical to ../shared/reference-abi', () => {
    const shared = fs.readdirSync(sharedDir).sort()
    expect(fs.readdirSync(vendoredDir).sort()).toEqual(shared)
    for (const file of shared) {
      const same = fs.readFileSync(path.join(vendoredDir, file)).equals(fs.readFileSync(path.join(sharedDir, file)))
      expect(same, `contracts/reference-abi/${file} differs from ../shared/reference-abi/${file}`).toBe(true)
    }
  })
})

describe.each(referenceNames)('%s', (name) => {
  const reference = readReference(name)
  const mine = ours(name) ?? []
  const omissions = omitted[name] ?? {}
  const additions = extras[name] ?? {}

  it('is built into contracts-abi/', () => {
    expect(ours(name), `contracts-abi exports no ${camelName(name)}Abi`).toBeDefined()
  })

  it('has every reference item, identical, except the listed omissions', () => {
    const problems: string[] = []
    for (const item of reference) {
      const key = keyOf(item)
      const match = mine.find((candidate) => keyOf(candidate) === key)
      if (!match) {
        if (!omissions[key]) problems.push(`missing: ${key}`)
        continue
      }
      if (omissions[key]) problems.push(`listed as omitted but implemented: ${key}`)
      expect.soft(describeItem(match), key).toEqual(describeItem(item))
    }
    expect(problems).toEqual([])
  })

  it('adds nothing beyond the listed extras', () => {
    const referenceKeys = new Set(reference.map(keyOf))
    const added = mine.map(keyOf).filter((key) => !referenceKeys.has(key))
    expect(added.sort()).toEqual(Object.keys(additions).sort())
  })

  it('has the reference selectors and event topics', () => {
    const selectors = new Set(mine.map(selectorOf))
    const missing = reference
      .filter((item) => !omissions[keyOf(item)])
      .map(selectorOf)
      .filter((selector) => selector && !selectors.has(selector))
    expect(missing).toEqual([])
  })

  it('gives a reason for every listed omission and extra', () => {
    for (const [key, reason] of Object.entries({ ...omissions, ...additions })) {
      expect(reason.length, key).toBeGreaterThan(30)
    }
    const referenceKeys = new Set(reference.map(keyOf))
    for (const key of Object.keys(omissions)) expect(referenceKeys.has(key), `omitted ${key}`).toBe(true)
  })
})

it('lists omissions and extras only for reference contracts', () => {
  for (const name of [...Object.keys(omitted), ...Object.keys(extras)]) expect(referenceNames).toContain(name)
})
