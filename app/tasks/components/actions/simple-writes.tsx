import { tasksAbi } from '#contracts-abi/Tasks'
import { contractWrite } from '~/chain-writes/use-tx-flow'
import { WriteButton } from '~/chain-writes/write-button'
import type { TaskWriteContext } from '~/tasks/task-write-context'

// The task writes that are one click: the arguments are ids the page already shows.

const CANCEL_TASK_REQUEST = 0

export function AcceptApplicationButton({ ctx, applicationId }: { ctx: TaskWriteContext; applicationId: number }) {
  return (
    <WriteButton
      target={ctx}
      steps={() => [
        {
          label: `Accept application #${applicationId}`,
          write: contractWrite(tasksAbi, ctx.contracts.tasks, 'acceptApplications', [BigInt(ctx.taskId), [applicationId]]),
        },
      ]}
    >
      Accept application #{applicationId}
    </WriteButton>
  )
}

export function TakeTaskButton({ ctx, applicationId }: { ctx: TaskWriteContext; applicationId: number }) {
  return (
    <WriteButton
      target={ctx}
      steps={() => [
        { label: 'Take the task', write: contractWrite(tasksAbi, ctx.contracts.tasks, 'takeTask', [BigInt(ctx.taskId), applicationId]) },
      ]}
    >
      Take the task
    </WriteButton>
  )
}

export function AcceptCancelButton({ ctx, requestId }: { ctx: TaskWriteContext; requestId: number }) {
  return (
    <WriteButton
      target={ctx}
      confirm="Once accepted, anyone can execute the request: the task closes and its budget goes back to the creator. Continue?"
      steps={() => [
        {
          label: `Accept cancel request #${requestId}`,
          write: contractWrite(tasksAbi, ctx.contracts.tasks, 'acceptRequest', [
            BigInt(ctx.taskId),
            CANCEL_TASK_REQUEST,
            requestId,
            false,
          ]),
        },
      ]}
    >
      Accept cancel request #{requestId}
    </WriteButton>
  )
}

export function ExecuteCancelButton({ ctx, requestId }: { ctx: TaskWriteContext; requestId: number }) {
  return (
    <WriteButton
      target={ctx}
      steps={() => [
        {
          label: `Execute cancel request #${requestId}`,
          write: contractWrite(tasksAbi, ctx.contracts.tasks, 'executeRequest', [BigInt(ctx.taskId), CANCEL_TASK_REQUEST, requestId]),
        },
      ]}
    >
      Execute the cancellation
    </WriteButton>
  )
}
