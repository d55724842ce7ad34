import {
  BaseError,
  ContractFunctionRevertedError,
  InsufficientFundsError,
  UserRejectedRequestError,
} from 'viem'

// Every custom error the portal's writes can revert with, in words the person signing can act
// on: the Tasks contract's, the ERC-20 errors a budget can hit, TokenVoting's. Keyed by error
// name so the map works against any ABI that declares them (ours and the reference deployment's).
export const contractErrorMessages = {
  TaskDoesNotExist: 'This task does not exist on this chain.',
  TaskNotOpen: 'The task is no longer open — it has been taken or closed.',
  TaskNotTaken: 'The task is not taken — this needs a task that someone is working on.',
  TaskNotClosed: 'The task is not closed yet — funds can only be rescued from a closed task.',
  TaskClosed: 'The task is already closed.',
  NotManager: 'Only the task manager can do this.',
  NotExecutor: 'Only the contributor who took the task can do this.',
  NotDisputeManager: 'Only the dispute manager can settle a dispute.',
  RewardAboveBudget: 'The reward is above the budget — increase the budget first.',
  RewardDoesntEndWithNextToken: 'The reward list is malformed: its last entry must close the last budget token.',
  NotEnoughNativeCurrencyAttached: 'Not enough ETH was attached to the transaction.',
  ApplicationDoesNotExist: 'That application does not exist.',
  NotYourApplication: 'That application belongs to someone else — take the task with your own application.',
  ApplicationNotAccepted: 'Your application has not been accepted yet — the manager must accept it first.',
  SubmissionDoesNotExist: 'That submission does not exist.',
  SubmissionAlreadyJudged: 'That submission has already been reviewed.',
  JudgementNone: 'Choose whether to accept or reject the submission.',
  RequestDoesNotExist: 'That cancel request does not exist.',
  RequestAlreadyAccepted: 'That cancel request has already been accepted.',
  RequestNotAccepted: 'The contributor has not accepted this cancel request yet.',
  RequestAlreadyExecuted: 'That cancel request has already been executed.',
  Overflow: 'An amount or a count is too large for the contract.',
  ManualBudgetIncreaseNeeded: 'The budget must be increased by hand before this can go through.',
  PartialRewardAboveFullReward: 'The partial payment is above what the contributor is still owed.',
  NativeTransferFailed: 'Sending ETH failed — the recipient refused the transfer.',
  ERC1167FailedCreateClone: 'The task escrow could not be created.',
  AddressEmptyCode: 'A token address in the budget is not a contract.',
  AddressInsufficientBalance: 'The escrow does not hold enough ETH for this payment.',
  FailedInnerCall: 'A token or ETH transfer inside the transaction failed.',
  SafeERC20FailedOperation: 'A token transfer failed — check the token, your balance and your approval.',
  // The same failures as raised by OpenZeppelin 5.7, which the portal's own Tasks is built with.
  FailedDeployment: 'The task escrow could not be created.',
  InsufficientBalance: 'The escrow does not hold enough ETH for this payment.',
  ReentrancyGuardReentrantCall: 'A token in the budget tried to call back into the task contract; the call was refused.',
  // OpenZeppelin 5 ERC-20 errors, raised by the budget token during createTask/increaseBudget.
  ERC20InsufficientAllowance: 'The token allowance is too low — approve the budget amount first.',
  ERC20InsufficientBalance: 'Your token balance is too low for this budget.',
  // TokenVoting, for opening a dispute.
  NoVotingPower: 'You need voting power in the DAO to open a dispute — activate it on your DAO page first.',
  ProposalCreationForbidden: 'You are not allowed to create DAO proposals.',
  DateOutOfBounds: 'The proposal dates are out of the allowed range.',
  // Voting plugins (TokenVoting, TagVoting), OptimisticActions, TrustlessManagement, the DAO.
  VoteCastForbidden:
    'You cannot vote on this proposal: voting is closed, you already voted, or you had no voting power when it was created (power activated later counts from the next proposal).',
  ProposalExecutionForbidden: 'The proposal cannot be executed: it has not passed (yet), or it was executed already.',
  OptimisticRequestNotExecutableYet: 'The action cannot run yet: its waiting period is not over, or it was rejected.',
  SenderDoesNotHaveRole: 'You are not allowed to do this for that DAO: it needs an OVC (Openmesh DAO) or the department’s tag.',
  AccessDenied: 'The DAO has not allowed this call for that role: it is not one of the actions its members may trigger.',
  SenderNotDAO: 'Only the DAO itself can approve this action, by a vote.',
  ActionFailed: 'One of the actions failed when the DAO ran it.',
  NotOwner: 'Only the department’s DAO can make its smart account do this.',
  DaoUnauthorized: 'The DAO did not authorize this call.',
} as const satisfies Record<string, string>

export type ContractErrorName = keyof typeof contractErrorMessages

export function describeErrorName(name: string): string | undefined {
  return Object.hasOwn(contractErrorMessages, name) ? contractErrorMessages[name as ContractErrorName] : undefined
}

/**
 * What to tell the user about a failed write: the contract's custom error in words when the
 * revert carries one, a clear line for a rejected signature or missing funds, and viem's
 * short message otherwise. Never a stack trace.
 */
export function describeWriteError(error: unknown): string {
  const wallet = walletProblem(error)
  if (wallet) return wallet
  if (error instanceof BaseError) {
    const rejected = error.walk((e) => e instanceof UserRejectedRequestError)
    if (rejected) return 'You rejected the request in your wallet.'
    const funds = error.walk((e) => e instanceof InsufficientFundsError)
    if (funds) return 'Your wallet does not hold enough ETH for this transaction and its gas.'
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError)
    if (reverted instanceof ContractFunctionRevertedError) {
      const name = reverted.data?.errorName
      if (name) return describeErrorName(name) ?? `The contract refused: ${name}.`
      if (reverted.reason) return `The contract refused: ${reverted.reason}.`
      if (reverted.signature) return `The contract refused with an unknown error (${reverted.signature}).`
      return 'The contract refused the transaction.'
    }
    return error.shortMessage || error.message
  }
  if (error instanceof Error) return error.message
  return 'The transaction failed.'
}


/** Problems with the wallet itself (wagmi's and viem's error classes, told apart by name). */
function walletProblem(error: unknown): string | undefined {
  const names: string[] = []
  for (let e: unknown = error; e instanceof Error && names.length < 8; e = (e as Error & { cause?: unknown }).cause) names.push(e.name)
  if (names.some((name) => name === 'ConnectorNotConnectedError' || name === 'ConnectorAccountNotFoundError')) {
    return 'Connect your wallet first (the button at the top right).'
  }
  if (names.includes('ChainMismatchError') || names.includes('ConnectorChainMismatchError')) {
    return 'Your wallet is on another network: switch it to the portal’s network and try again.'
  }
  return undefined
}
