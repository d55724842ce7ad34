import type { ReactNode } from 'react'
import { TxProgress } from './tx-progress'
import { useTxFlow, type WriteStep } from './use-tx-flow'
import type { WriteTarget } from './write-context'

/** A one-click write (accept, take, execute…): no form, no metadata, the same progress. */
export function WriteButton({
  target,
  steps,
  children,
  className,
  confirm,
}: {
  target: WriteTarget
  steps: () => WriteStep[]
  children: ReactNode
  className?: string
  /** Asked with window.confirm before anything is signed. */
  confirm?: string
}) {
  const flow = useTxFlow(target)
  return (
    <div className="write-button">
      <button
        type="button"
        className={className}
        disabled={flow.busy}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return
          void flow.run(async () => ({ steps: steps() }), { storing: false })
        }}
      >
        {children}
      </button>
      <TxProgress flow={flow} withMetadata={false} />
    </div>
  )
}
