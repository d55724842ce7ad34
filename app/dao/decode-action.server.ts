import type { DecodedAction, JsonValue } from '#db/schema/chain'
import { formatTokenAmount, NATIVE_TOKEN, type TokenInfo } from '~/utils/tokens'

// A DAO action (target, value, calldata) as a person reads it. The indexer decodes calldata to one
// of the portal's own contracts when it stores the action (indexer/projections/actions.ts: the only
// place calldata is decoded); here the stored call is described and, for the calls the DAO makes in
// practice, summed up in a sentence ("mint OVC #6 to 0x…"). Anything else stays raw calldata.
// Everything here is untrusted chain data: the page renders it as text.

export const daoContractKinds = [
  'tasks',
  'rfps',
  'taskDisputes',
  'taskDrafts',
  'verifiedContributor',
  'tagManager',
  'tokenVoting',
  'tagVoting',
  'optimisticActions',
  'pessimisticActions',
  'addressTrustlessManagement',
  'erc721CountTrustlessManagement',
  'tagTrustlessManagement',
  'dao',
  'smartAccount',
  'openToken',
  'usdc',
] as const
export type DaoContractKind = (typeof daoContractKinds)[number]

/** The portal's contracts on this chain by lowercase address. */
export type KnownContracts = Map<string, DaoContractKind>

export const contractLabels: Record<DaoContractKind, string> = {
  tasks: 'OpenR&D Tasks',
  rfps: 'OpenR&D RFPs',
  taskDisputes: 'Task disputes',
  taskDrafts: 'Task drafts',
  verifiedContributor: 'Verified Contributor (OVC)',
  tagManager: 'Department tags',
  tokenVoting: 'Token voting',
  tagVoting: 'Department voting',
  optimisticActions: 'Optimistic actions',
  pessimisticActions: 'Pessimistic actions',
  addressTrustlessManagement: 'Trustless management (address)',
  erc721CountTrustlessManagement: 'Trustless management (OVC holders)',
  tagTrustlessManagement: 'Trustless management (department tags)',
  dao: 'DAO',
  smartAccount: 'Department smart account',
  openToken: 'OPEN token',
  usdc: 'USDC',
}

/** A piece of a sentence: plain text, an address (linked to its profile) or a task (linked to its page). */
export type Segment = { text: string } | { address: string } | { task: string }

export type ActionArg = { name: string; type: string; value: string; address: boolean }

export type ActionView = {
  to: string
  /** Which of the portal's contracts `to` is, or null for any other address. */
  contract: DaoContractKind | null
  contractLabel: string | null
  value: string
  valueLabel: string | null
  call: { functionName: string; args: ActionArg[] } | null
  summary: Segment[]
  /** The raw calldata, shown when it could not be decoded (and on demand otherwise). */
  data: string
}

const OPEN_TOKEN: TokenInfo = { address: null, symbol: 'OPEN', decimals: 18 }
const MAX_ARG_CHARS = 2_000

export function describeAction(input: DecodedAction, known: KnownContracts): ActionView {
  // The row is JSON written by the indexer; a malformed entry is shown as an empty call, not a crash.
  const action: Partial<DecodedAction> = input && typeof input === 'object' ? input : {}
  const to = typeof action.to === 'string' ? action.to.toLowerCase() : ''
  const data = typeof action.data === 'string' && /^0x[0-9a-fA-F]*$/.test(action.data) ? action.data : '0x'
  const value = typeof action.value === 'string' && /^[0-9]{1,78}$/.test(action.value) ? action.value : '0'
  const contract = known.get(to) ?? indexerKind(action.contract)
  const valueLabel = value === '0' ? null : formatTokenAmount(value, NATIVE_TOKEN)
  const base = { to, contract, contractLabel: contract ? contractLabels[contract] : null, value, valueLabel, data }

  // The stored call counts only for the contract the page takes the target to be.
  const decoded = contract && indexerKind(action.contract) === contract ? storedCall(action) : null
  if (decoded) {
    const call = { functionName: decoded.functionName, args: decoded.args }
    // A department acts through its smart account: say what the account does.
    if (contract === 'smartAccount' && decoded.functionName === 'performCall' && action.inner && typeof action.inner === 'object' && !action.inner.inner) {
      return { ...base, call, summary: [{ address: to }, { text: ' calls: ' }, ...describeAction(action.inner, known).summary] }
    }
    return { ...base, call, summary: summarize(contract!, decoded, valueLabel) ?? genericSummary(base, call) }
  }
  if (data === '0x') {
    return { ...base, call: null, summary: valueLabel ? [{ text: `send ${valueLabel} to ` }, { address: to }] : [{ text: 'call ' }, { address: to }, { text: ' with no data' }] }
  }
  return {
    ...base,
    call: null,
    summary: [{ text: `call ${contract ? contractLabels[contract] : ''} ` }, { address: to }, { text: ` with raw calldata${valueLabel ? ` and ${valueLabel}` : ''}` }],
  }
}

function indexerKind(kind: unknown): DaoContractKind | null {
  return typeof kind === 'string' && (daoContractKinds as readonly string[]).includes(kind) ? (kind as DaoContractKind) : null
}

type Decoded = { functionName: string; args: ActionArg[]; raw: readonly JsonValue[] }

/** The call the indexer decoded, checked for shape (the row is JSON written by the indexer). */
function storedCall(action: Partial<DecodedAction>): Decoded | null {
  if (typeof action.functionName !== 'string' || !/^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/.test(action.functionName)) return null
  if (!Array.isArray(action.args)) return null
  const args = action.args.filter((arg) => arg && typeof arg === 'object' && typeof arg.name === 'string' && typeof arg.type === 'string')
  if (args.length !== action.args.length) return null
  return {
    functionName: action.functionName,
    raw: args.map((arg) => arg.value ?? null),
    args: args.map((arg, i) => ({
      name: arg.name.slice(0, 100) || `arg${i}`,
      type: arg.type.slice(0, 100),
      value: display(arg.value ?? null),
      address: arg.type === 'address' && typeof arg.value === 'string',
    })),
  }
}

/** A decoded argument as text: numbers in decimal, addresses lowercase, structures as JSON. */
function display(value: JsonValue): string {
  const text =
    typeof value === 'string'
      ? value.startsWith('0x') && value.length === 42
        ? value.toLowerCase()
        : value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value)
  return text.length > MAX_ARG_CHARS ? `${text.slice(0, MAX_ARG_CHARS)}…` : text
}

/** An amount argument (a decimal string from the indexer) as a bigint, or null when it is not one. */
function amount(value: JsonValue | undefined): bigint | null {
  return typeof value === 'string' && /^[0-9]{1,78}$/.test(value) ? BigInt(value) : null
}

const str = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : String(value))

/** Sentences for the calls the DAO makes in practice. */
function summarize(contract: DaoContractKind, call: Decoded, valueLabel: string | null): Segment[] | null {
  const [a, b] = call.raw
  const withValue = (segments: Segment[]) => (valueLabel ? [...segments, { text: ` (sending ${valueLabel})` }] : segments)
  switch (`${contract}.${call.functionName}`) {
    case 'verifiedContributor.mint':
      return withValue([{ text: `mint OVC #${String(b)} to ` }, { address: str(a) }])
    case 'verifiedContributor.burn':
      return withValue([{ text: `burn OVC #${String(a)} (revoke its holder’s membership)` }])
    case 'verifiedContributor.updateMetadata':
      return withValue([{ text: `update the OVC metadata to ${display(a ?? null)}` }])
    case 'openToken.transfer': {
      const value = amount(b)
      return value === null ? null : withValue([{ text: `transfer ${formatTokenAmount(value, OPEN_TOKEN)} to ` }, { address: str(a) }])
    }
    case 'openToken.approve': {
      const value = amount(b)
      return value === null ? null : withValue([{ text: 'approve ' }, { address: str(a) }, { text: ` to spend ${formatTokenAmount(value, OPEN_TOKEN)}` }])
    }
    case 'tasks.completeByDispute':
      return withValue([{ text: 'completeByDispute ' }, { task: String(a) }])
    case 'tasks.createTask':
      return withValue([{ text: 'create a task managed by ' }, { address: str(call.raw[2]) }])
    case 'tagManager.addTag':
      return withValue([{ text: `add the department tag to OVC #${String(a)}` }])
    case 'tagManager.removeTag':
      return withValue([{ text: `remove the department tag from OVC #${String(a)}` }])
    case 'pessimisticActions.executeAction':
      return withValue([{ text: `approve pessimistic action #${String(b)} of ` }, { address: str(a) }])
    case 'optimisticActions.executeAction':
      return withValue([{ text: `execute optimistic action #${String(b)} of ` }, { address: str(a) }])
    case 'tokenVoting.updateVotingSettings':
      return withValue([{ text: 'change the voting settings' }])
    case 'optimisticActions.setExecuteDelay':
      return withValue([{ text: `set the optimistic execution delay to ${String(b)} seconds` }])
    default:
      return null
  }
}

function genericSummary(base: { to: string; contractLabel: string | null; valueLabel: string | null }, call: { functionName: string; args: ActionArg[] }): Segment[] {
  const args = call.args.map((arg) => (arg.value.length > 48 ? `${arg.value.slice(0, 45)}…` : arg.value)).join(', ')
  return [
    { text: `${call.functionName}(${args}) on ${base.contractLabel ?? ''} ` },
    { address: base.to },
    ...(base.valueLabel ? [{ text: ` (sending ${base.valueLabel})` }] : []),
  ]
}
