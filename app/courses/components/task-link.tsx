import { Link, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'

/** <TaskLink id={3}>…</TaskLink> → the task on this portal's chain; without an id, the task board. */
export function TaskLink({ id, chainId, children }: { id?: number | string; chainId?: number | string; children?: ReactNode }) {
  const root = useRouteLoaderData('root') as { ENV?: { CHAIN_ID?: number } } | undefined
  const chain = chainId ?? root?.ENV?.CHAIN_ID ?? 31337
  const to = id === undefined ? '/tasks' : `/tasks/${encodeURIComponent(String(chain))}/${encodeURIComponent(String(id))}`
  return <Link to={to}>{children ?? (id === undefined ? 'the task board' : `task #${id}`)}</Link>
}
