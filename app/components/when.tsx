import { formatDateTime, relativeTime } from '~/utils/time'

/** A moment as "in 3 days" / "2 hours ago", with the exact UTC time in the tooltip. */
export function When({ at, now, prefix }: { at: number; now: number; prefix?: string }) {
  return (
    <time dateTime={new Date(at * 1000).toISOString()} title={formatDateTime(at)}>
      {prefix ? `${prefix} ` : ''}
      {relativeTime(at, now)}
    </time>
  )
}

/** The exact UTC time, with the relative one after it. */
export function Timestamp({ at, now }: { at: number; now: number }) {
  return (
    <>
      <time dateTime={new Date(at * 1000).toISOString()}>{formatDateTime(at)}</time>{' '}
      <span className="muted">({relativeTime(at, now)})</span>
    </>
  )
}
