import type { ReactNode } from 'react'
import { useTxFlow, type TxFlow } from '~/chain-writes/use-tx-flow'
import type { WriteTarget } from '~/chain-writes/write-context'
import type { DaoBodyTarget } from '../writes/dao-contracts'
import { executeProposalStep } from '../writes/governance-calls'
import { FlowButton } from './flow-button'

// The parts of the DAO pages that hold the wallet's code (wagmi, the contract calls), loaded with
// the task writes (app/tasks/components/actions/lazy.tsx) so a first visit carries none of it.

/** Two write flows owned by the page, so their progress outlives the buttons that start them. */
export function DaoPageFlows({ target, children }: { target: WriteTarget; children: (flows: [TxFlow, TxFlow]) => ReactNode }) {
  const first = useTxFlow(target)
  const second = useTxFlow(target)
  return <>{children([first, second])}</>
}

export function ExecuteProposalButton({ flow, body, proposalId }: { flow: TxFlow; body: DaoBodyTarget; proposalId: string }) {
  return (
    <FlowButton flow={flow} steps={() => [executeProposalStep(body, proposalId)]}>
      Execute the proposal
    </FlowButton>
  )
}
