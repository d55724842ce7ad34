import { encodeFunctionData, erc20Abi, isAddress, parseUnits, toHex, type Hex } from 'viem'
import { pessimisticActionsAbi } from '#contracts-abi/PessimisticActions'
import { smartAccountAbi } from '#contracts-abi/SmartAccount'
import { tasksAbi } from '#contracts-abi/Tasks'
import { verifiedContributorAbi } from '#contracts-abi/VerifiedContributor'
import type { DaoBodyTarget, DaoContracts, Hex20 } from './dao-contracts'
import type { DaoAction } from './governance-calls'

// The actions a proposal or an optimistic action can carry, built from a form's values the way
// the ovc-frontend's templates build them, each with the sentence the page shows before anyone
// signs. Which templates a body offers follows what it may do:
// - Openmesh DAO proposals: treasury transfers (ETH, ERC-20), revoking a contributor (OVC burn);
// - Openmesh DAO optimistic actions: only adding a contributor (OVC mint with a random id);
// - department proposals: any call, wrapped as SmartAccount.performCall so the smart account makes
//   it (paying a member with Tasks.partialPayment, resolving a dispute, sending ETH);
// - department optimistic actions: Tasks calls made by the smart account directly.

export type TemplateKind = 'none' | 'mintOvc' | 'burnOvc' | 'sendEth' | 'sendToken' | 'partialPayment' | 'resolveDispute'
export type Purpose = 'proposal' | 'action'

export const templateLabels: Record<TemplateKind, string> = {
  none: 'No action (a signalling proposal)',
  mintOvc: 'Add a contributor (mint an OVC)',
  burnOvc: 'Revoke a contributor (burn their OVC)',
  sendEth: 'Send ETH',
  sendToken: 'Send an ERC-20 token',
  partialPayment: 'Pay a member for a task (partial payment)',
  resolveDispute: 'Resolve a dispute (pay as the dispute asks)',
}

export function templatesFor(body: DaoBodyTarget, purpose: Purpose): TemplateKind[] {
  if (purpose === 'action') return body.tag ? ['partialPayment'] : ['mintOvc']
  if (!body.tag) return ['none', 'sendEth', 'sendToken', 'burnOvc']
  return body.slug === 'dispute' ? ['none', 'resolveDispute', 'partialPayment', 'sendEth'] : ['none', 'partialPayment', 'sendEth']
}

export type TemplateValues = {
  kind: TemplateKind
  to?: string
  amount?: string
  token?: string
  tokenDecimals?: number
  tokenSymbol?: string
  tokenId?: string
  taskId?: string
  disputeActionId?: string
  /** Display names of addresses, for the sentence. */
  names?: Record<string, string>
}

export type BuiltAction = { action: DaoAction; sentence: string }

const nameOf = (values: TemplateValues, address: string) => values.names?.[address.toLowerCase()] ?? address

function need(value: string | undefined, what: string): string {
  const v = value?.trim()
  if (!v) throw new Error(`Enter ${what}.`)
  return v
}

function address(value: string | undefined, what: string): Hex20 {
  const v = need(value, what)
  if (!isAddress(v)) throw new Error(`${what[0]!.toUpperCase()}${what.slice(1)} must be an address (0x and 40 hex digits).`)
  return v as Hex20
}

function amountOf(value: string | undefined, decimals: number): bigint {
  const v = need(value, 'an amount')
  if (!/^\d+(\.\d+)?$/.test(v)) throw new Error('Enter the amount as a number, e.g. 0.5.')
  const amount = parseUnits(v, decimals)
  if (amount <= 0n) throw new Error('The amount must be above zero.')
  return amount
}

const wholeNumber = (value: string | undefined, what: string): bigint => {
  const v = need(value, what)
  if (!/^\d{1,78}$/.test(v)) throw new Error(`${what[0]!.toUpperCase()}${what.slice(1)} is a whole number.`)
  return BigInt(v)
}

/** A random 256-bit token id, as the ovc-frontend's mint template makes. */
function randomTokenId(): bigint {
  const bytes = new Uint8Array(32)
  crypto.getRandomValues(bytes)
  return BigInt(toHex(bytes))
}

/** The call the smart account makes, as the DAO's action: performCall(to, value, data). */
function viaSmartAccount(body: DaoBodyTarget, inner: DaoAction): DaoAction {
  return { to: body.account, value: 0n, data: encodeFunctionData({ abi: smartAccountAbi, functionName: 'performCall', args: [inner.to, inner.value, inner.data] }) }
}

/** The one call a template makes as the body (before any wrapping), with its sentence. */
function innerCall(c: DaoContracts, body: DaoBodyTarget, values: TemplateValues): BuiltAction | null {
  switch (values.kind) {
    case 'none':
      return null
    case 'mintOvc': {
      const to = address(values.to, 'the new contributor’s address')
      const ovc = c.verifiedContributor
      if (!ovc) throw new Error('The OVC is not deployed on this chain.')
      const tokenId = values.tokenId ? wholeNumber(values.tokenId, 'the token id') : randomTokenId()
      const data = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'mint', args: [to, tokenId] })
      return { action: { to: ovc, value: 0n, data }, sentence: `Mint OVC to ${nameOf(values, to)}` }
    }
    case 'burnOvc': {
      const tokenId = wholeNumber(values.tokenId, 'the OVC to revoke')
      const ovc = c.verifiedContributor
      if (!ovc) throw new Error('The OVC is not deployed on this chain.')
      const data = encodeFunctionData({ abi: verifiedContributorAbi, functionName: 'burn', args: [tokenId] })
      return { action: { to: ovc, value: 0n, data }, sentence: `Burn OVC #${tokenId}${values.to ? ` of ${nameOf(values, values.to)}` : ''}` }
    }
    case 'sendEth': {
      const to = address(values.to, 'the recipient')
      const amount = amountOf(values.amount, 18)
      return { action: { to, value: amount, data: '0x' }, sentence: `Send ${values.amount!.trim()} ETH to ${nameOf(values, to)}` }
    }
    case 'sendToken': {
      const token = address(values.token, 'the token')
      const to = address(values.to, 'the recipient')
      const amount = amountOf(values.amount, values.tokenDecimals ?? 18)
      const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] })
      return { action: { to: token, value: 0n, data }, sentence: `Send ${values.amount!.trim()} ${values.tokenSymbol ?? 'tokens'} to ${nameOf(values, to)}` }
    }
    case 'partialPayment': {
      const taskId = wholeNumber(values.taskId, 'the task id')
      const amount = amountOf(values.amount, 18)
      const data = encodeFunctionData({ abi: tasksAbi, functionName: 'partialPayment', args: [taskId, [amount], []] })
      return { action: { to: c.tasks, value: 0n, data }, sentence: `Pay ${values.amount!.trim()} ETH for task #${taskId} to its executor` }
    }
    case 'resolveDispute': {
      const pessimistic = c.pessimisticActions
      if (!pessimistic) throw new Error('PessimisticActions is not deployed on this chain.')
      const id = Number(wholeNumber(values.disputeActionId, 'the dispute'))
      const data = encodeFunctionData({ abi: pessimisticActionsAbi, functionName: 'executeAction', args: [body.account, id] })
      return { action: { to: pessimistic, value: 0n, data }, sentence: `Resolve the dispute: run pessimistic action #${id}, which completes the task and pays as the dispute asks` }
    }
  }
}

/** The actions to put on chain and their sentences (empty for a signalling proposal). */
export function buildActions(c: DaoContracts, body: DaoBodyTarget, purpose: Purpose, values: TemplateValues): BuiltAction[] {
  const built = innerCall(c, body, values)
  if (!built) return []
  // A department proposal is executed by its Aragon DAO, which owns the smart account.
  return [purpose === 'proposal' && body.tag ? { action: viaSmartAccount(body, built.action), sentence: `${built.sentence} (made by the ${body.name}’s smart account)` } : built]
}

