import type { ReactNode } from 'react'
import type { TxFlow, WriteStep } from '~/chain-writes/use-tx-flow'

// A one-click write whose progress lives in the page, not in the button: the DAO pages keep one
// flow per kind of write at a place that stays mounted, because the write itself changes what
// is shown (a vote hides the vote buttons, an execute the execute button) and the progress must
// still reach "visible".
export function FlowButton({
  flow,
  steps,
  children,
  className,
}: {
  flow: TxFlow
  steps: () => WriteStep[]
  children: ReactNode
  className?: string
}) {
  return (
    <button type="button" className={className} disabled={flow.busy} onClick={() => void flow.run(async () => ({ steps: steps() }), { storing: false })}>
      {children}
    </button>
  )
}
