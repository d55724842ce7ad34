import type { ReactNode } from 'react'
import { useTxFlow, type WriteStep } from '~/tasks/use-tx-flow'
import type { TaskWriteContext } from '~/tasks/write-context'
import { TxProgress } from '~/tasks/components/tx-progress'

/** A one-click write (accept, take, execute…): no form, no metadata, the same progress. */
export function WriteButton({
  ctx,
  steps,
  children,
  className,
  confirm,
}: {
  ctx: TaskWriteContext
  steps: () => WriteStep[]
  children: ReactNode
  className?: string
  /** Asked with window.confirm before anything is signed. */
  confirm?: string
}) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
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
