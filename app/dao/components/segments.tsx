import { Link } from '@remix-run/react'
import type { Segment } from '~/dao/decode-action.server'
import { Person } from './person'

/** A decoded action's sentence: text as text, addresses and tasks as links. */
export function Segments({ segments, names, chainId }: { segments: Segment[]; names: Record<string, string>; chainId: number }) {
  return (
    <>
      {segments.map((segment, index) =>
        'address' in segment ? (
          <Person key={index} address={segment.address} names={names} />
        ) : 'task' in segment ? (
          <Link key={index} to={`/tasks/${chainId}/${segment.task}`}>
            task #{segment.task}
          </Link>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}
