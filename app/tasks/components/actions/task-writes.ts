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
