import { createElement, lazy, Suspense, useSyncExternalStore, type ComponentProps, type FunctionComponent, type ReactNode } from 'react'
import type * as writesModule from './task-writes'

// The task writes as the task pages use them, loaded with the rest on first use (wagmi, viem's
// contract calls, the forms): a first visit to a task page carries none of that code. Only a
// signed-in visitor is shown a write, and a task page rendered for one loads this module before
// hydrating (root.tsx marks it, entry.client.tsx loads it), so its buttons work as soon as the
// page does; the server has it always (entry.server.tsx). Otherwise (a client navigation) a
// write appears once its code has arrived.

type Writes = typeof writesModule

let loaded: Writes | null = null
const listeners = new Set<() => void>()

export function provideTaskWrites(module: Writes): void {
  loaded = module
}

export async function loadTaskWrites(): Promise<Writes> {
  const module = await import('./task-writes')
  if (!loaded) {
    loaded = module
    for (const listener of listeners) listener()
  }
  return module
}

/** Route handle of a page whose writes should be there when it hydrates (see root.tsx). */
export const TASK_WRITES_HANDLE = { taskWrites: true } as const

function useLoadedWrites(): Writes | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => loaded,
    () => loaded,
  )
}

function lazyWrite<Props extends object>(pick: (module: Writes) => FunctionComponent<Props>, name: string): FunctionComponent<Props> {
  // A lazy function component takes the same props as the component; TypeScript's ref-aware
  // typing of `lazy` cannot show that for a generic Props.
  const Lazy = lazy(async () => ({ default: pick(await loadTaskWrites()) })) as unknown as FunctionComponent<Props>
  function LazyWrite(props: Props) {
    const writes = useLoadedWrites()
    const Write = writes ? pick(writes) : Lazy
    return (
      <Suspense fallback={null}>
        <Write {...props} />
      </Suspense>
    )
  }
  LazyWrite.displayName = `Lazy(${name})`
  return LazyWrite
}

export const ApplyForm = lazyWrite((m) => m.ApplyForm, 'ApplyForm')
export const CancelForm = lazyWrite((m) => m.CancelForm, 'CancelForm')
export const CreateTaskForm = lazyWrite((m) => m.CreateTaskForm, 'CreateTaskForm')
export const DisputeForm = lazyWrite((m) => m.DisputeForm, 'DisputeForm')
export const DraftTaskForm = lazyWrite((m) => m.DraftTaskForm, 'DraftTaskForm')
export const DonateForm = lazyWrite((m) => m.DonateForm, 'DonateForm')
export const IncreaseRewardForm = lazyWrite((m) => m.IncreaseRewardForm, 'IncreaseRewardForm')
export const TransferManagementForm = lazyWrite((m) => m.TransferManagementForm, 'TransferManagementForm')
export const EditMetadataForm = lazyWrite((m) => m.EditMetadataForm, 'EditMetadataForm')
export const ExtendDeadlineForm = lazyWrite((m) => m.ExtendDeadlineForm, 'ExtendDeadlineForm')
export const IncreaseBudgetForm = lazyWrite((m) => m.IncreaseBudgetForm, 'IncreaseBudgetForm')
export const PartialPaymentForm = lazyWrite((m) => m.PartialPaymentForm, 'PartialPaymentForm')
export const ReviewForm = lazyWrite((m) => m.ReviewForm, 'ReviewForm')
export const SubmitForm = lazyWrite((m) => m.SubmitForm, 'SubmitForm')
export const AcceptApplicationButton = lazyWrite((m) => m.AcceptApplicationButton, 'AcceptApplicationButton')
export const AcceptCancelButton = lazyWrite((m) => m.AcceptCancelButton, 'AcceptCancelButton')
export const ExecuteCancelButton = lazyWrite((m) => m.ExecuteCancelButton, 'ExecuteCancelButton')
export const TakeTaskButton = lazyWrite((m) => m.TakeTaskButton, 'TakeTaskButton')
export const AcceptProjectForm = lazyWrite((m) => m.AcceptProjectForm, 'AcceptProjectForm')
export const CreateRfpForm = lazyWrite((m) => m.CreateRfpForm, 'CreateRfpForm')
export const EmptyRfpButton = lazyWrite((m) => m.EmptyRfpButton, 'EmptyRfpButton')
export const SubmitProjectForm = lazyWrite((m) => m.SubmitProjectForm, 'SubmitProjectForm')
export const TopUpRfpForm = lazyWrite((m) => m.TopUpRfpForm, 'TopUpRfpForm')
export const NewGovernanceForm = lazyWrite((m) => m.NewGovernanceForm, 'NewGovernanceForm')
export const ExecuteActionButton = lazyWrite((m) => m.ExecuteActionButton, 'ExecuteActionButton')
export const RejectActionForm = lazyWrite((m) => m.RejectActionForm, 'RejectActionForm')
export const ExecuteProposalButton = lazyWrite((m) => m.ExecuteProposalButton, 'ExecuteProposalButton')
export const VotePanel = lazyWrite((m) => m.VotePanel, 'VotePanel')
export const VotingPowerPanel = lazyWrite((m) => m.VotingPowerPanel, 'VotingPowerPanel')

/**
 * The DAO pages' two write flows, given to `children` once the writes' code is here; until then
 * (a client navigation that has not loaded it yet) the page renders `fallback`, its read-only form.
 */
export function DaoPageFlows({ fallback, ...props }: ComponentProps<Writes['DaoPageFlows']> & { fallback: ReactNode }) {
  const writes = useLoadedWrites()
  if (!writes) return <Suspense fallback={fallback}>{createElement(LazyDaoPageFlows, props)}</Suspense>
  return <writes.DaoPageFlows {...props} />
}
const LazyDaoPageFlows = lazy(async () => ({ default: (await loadTaskWrites()).DaoPageFlows }))
