// Every task write (forms and one-click buttons), as one module: lazy.tsx loads it on demand,
// so a task page's first load carries none of the wallet code these need.
export { ApplyForm } from './apply-form'
export { CancelForm } from './cancel-form'
export { CreateTaskForm } from './create-task-form'
export { DisputeForm } from './dispute-form'
export { EditMetadataForm } from './edit-metadata-form'
export { ExtendDeadlineForm } from './extend-deadline-form'
export { IncreaseBudgetForm } from './increase-budget-form'
export { PartialPaymentForm } from './partial-payment-form'
export { ReviewForm } from './review-form'
export { AcceptApplicationButton, AcceptCancelButton, ExecuteCancelButton, TakeTaskButton } from './simple-writes'
export { SubmitForm } from './submit-form'
// The RFP writes (app/rfps/components) load with them: the same wallet code, one chunk.
export { AcceptProjectForm } from '~/rfps/components/accept-project-form'
export { CreateRfpForm } from '~/rfps/components/create-rfp-form'
export { EmptyRfpButton } from '~/rfps/components/empty-rfp-button'
export { SubmitProjectForm } from '~/rfps/components/submit-project-form'
export { TopUpRfpForm } from '~/rfps/components/top-up-rfp-form'
