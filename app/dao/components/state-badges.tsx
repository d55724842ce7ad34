import { actionStateLabels, type ActionState } from '~/dao/action-state'
import { proposalStateLabels, type ProposalState } from '~/dao/proposal-state'

export function ProposalStateBadge({ state }: { state: ProposalState }) {
  return (
    <span className={`dao-badge dao-state-${state}`} data-state={state}>
      {proposalStateLabels[state]}
    </span>
  )
}

export function ActionStateBadge({ state }: { state: ActionState }) {
  return (
    <span className={`dao-badge dao-state-${state}`} data-state={state}>
      {actionStateLabels[state]}
    </span>
  )
}
