import { formatDateTime, relativeTime } from '~/utils/time'

// A task's state, deadline and budget notes as the board and the task page show them.

const stateLabels = { open: 'Open', taken: 'Taken', closed: 'Closed' } as const
const outcomeLabels = { completed: 'Completed', disputed: 'Settled by dispute', cancelled: 'Cancelled' } as const

export function StateBadge({
  state,
  outcome,
}: {
  state: 'open' | 'taken' | 'closed'
  outcome?: 'completed' | 'disputed' | 'cancelled' | null
}) {
  return (
    <span className={`state-badge state-${state}`} data-state={state}>
      {state === 'closed' && outcome ? `${stateLabels.closed} · ${outcomeLabels[outcome]}` : stateLabels[state]}
    </span>
  )
}

export function Deadline({ deadline, now, closed }: { deadline: number; now: number; closed?: boolean }) {
  const passed = deadline <= now
  return (
    <time dateTime={new Date(deadline * 1000).toISOString()} title={formatDateTime(deadline)} className={passed && !closed ? 'deadline-passed' : undefined}>
      {/* A closed task is due no more: its deadline is history, not a countdown. */}
      {closed ? `closed; the deadline was ${formatDateTime(deadline)}` : passed ? `deadline passed ${relativeTime(deadline, now)}` : `due ${relativeTime(deadline, now)}`}
    </time>
  )
}

/** Beside a budget the indexer could not read after its last change on chain (the amounts predate it). */
export function OutdatedBudgetNote({ children }: { children: string }) {
  return (
    <small className="muted" role="note" title="The budget changed on chain, and the portal could not read the escrow since.">
      {children}
    </small>
  )
}
