import { lazy, Suspense, type FunctionComponent } from 'react'
import type * as writes from './all'

// The task writes as the task pages use them, each loaded with the rest on first use (wagmi,
// viem's contract calls, the forms): a first visit to a task page carries none of that code.
// The server renders a write at once; in the browser its Suspense boundary keeps the server's
// HTML until the code has arrived, then hydrates it.

type Writes = typeof writes

const loadWrites = () => import('./all')

function lazyWrite<Props extends object>(pick: (module: Writes) => FunctionComponent<Props>, name: string): FunctionComponent<Props> {
  // A lazy function component takes the same props as the component; TypeScript's ref-aware
  // typing of `lazy` cannot show that for a generic Props.
  const Lazy = lazy(async () => ({ default: pick(await loadWrites()) })) as unknown as FunctionComponent<Props>
  function LazyWrite(props: Props) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
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
