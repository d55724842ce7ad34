import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { getRecentTasks } from '~/models/tasks.server'
import { formatDate, formatNative, shortAddress } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Tasks · Openmesh Portal' }]

export async function loader() {
  return { tasks: getRecentTasks({ limit: 100 }) }
}

export default function TasksBoard() {
  const { tasks } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Tasks</h1>
      {tasks.length === 0 ? (
        <p className="muted">No tasks indexed yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Task</th>
              <th>State</th>
              <th>Budget</th>
              <th>Deadline</th>
              <th>Manager</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={`${task.chainId}-${task.taskId}`}>
                <td>
                  <Link to={`/tasks/${task.chainId}/${task.taskId}`}>{task.title ?? `Task #${task.taskId}`}</Link>
                </td>
                <td className={`state-${task.state}`}>{task.state}</td>
                <td>{formatNative(task.nativeBudget)}</td>
                <td>{formatDate(task.deadline)}</td>
                <td title={task.manager}>{shortAddress(task.manager)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
