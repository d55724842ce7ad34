import type { TaskWriteContext } from '~/tasks/task-write-context'

/** The hidden fields naming a task form's write (`intent`) and its task, which POST /ipfs reads. */
export function TaskFormTarget({ intent, ctx }: { intent: string; ctx: Pick<TaskWriteContext, 'chainId' | 'taskId'> }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="chainId" value={ctx.chainId} />
      <input type="hidden" name="taskId" value={ctx.taskId} />
    </>
  )
}
