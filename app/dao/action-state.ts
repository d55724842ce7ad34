// An optimistic action's state at `now` (chain time), as OptimisticActions would judge it: one
// rejection blocks it for good; otherwise it can be executed once `block.timestamp >= executableFrom`.

export const actionStates = ['pending', 'ready', 'rejected', 'executed'] as const
export type ActionState = (typeof actionStates)[number]

export type ActionFacts = {
  state: 'pending' | 'rejected' | 'executed'
  rejectionCount: number
  /** null until the OptimisticActionCreated event is indexed. */
  executableFrom: number | null
}

export function actionState(action: ActionFacts, now: number): ActionState {
  if (action.state === 'executed') return 'executed'
  if (action.state === 'rejected' || action.rejectionCount > 0) return 'rejected'
  if (action.executableFrom !== null && now >= action.executableFrom) return 'ready'
  return 'pending'
}

export const actionStateLabels: Record<ActionState, string> = {
  pending: 'Pending',
  ready: 'Ready to execute',
  rejected: 'Rejected',
  executed: 'Executed',
}
