import type { UsdFigure } from '~/utils/usd'
import { formatDateTime, relativeTime } from '~/utils/time'

/** "≈ $1,500.25 (Chainlink USDC / USD, updated 3 minutes ago)", saying so when the feed is stale. */
function UsdValue({ usd, now }: { usd: UsdFigure; now: number }) {
  return (
    <span className="usd-value" data-stale={usd.stale || undefined}>
      ≈ {usd.text}{' '}
      <span className="muted small">
        (Chainlink {usd.pair},{' '}
        <time dateTime={new Date(usd.updatedAt * 1000).toISOString()} title={`feed ${usd.feed}, updated ${formatDateTime(usd.updatedAt)}`}>
          updated {relativeTime(usd.updatedAt, now)}
        </time>
        )
      </span>
      {usd.stale ? (
        <strong className="usd-stale" role="note">
          {' '}
          Stale price: the feed has not updated within its heartbeat.
        </strong>
      ) : null}
    </span>
  )
}

/** A `<dt>`/`<dd>` pair of the USD value of each budget entry that has a price feed; nothing when none has. */
export function UsdValues({ budgets, now }: { budgets: { token: string | null; amount: string; label: string; usd: UsdFigure | null }[]; now: number }) {
  const priced = budgets.filter((b): b is typeof b & { usd: UsdFigure } => b.usd !== null && b.amount !== '0')
  if (priced.length === 0) return null
  return (
    <>
      <dt>Value in USD</dt>
      <dd>
        <ul className="plain" aria-label="Value in USD">
          {priced.map((b) => (
            <li key={b.token ?? 'native'}>
              {b.label}: <UsdValue usd={b.usd} now={now} />
            </li>
          ))}
        </ul>
      </dd>
    </>
  )
}
