import { formatVotes } from '~/dao/format'
import { percentOf } from '~/dao/proposal-state'

const options = [
  { key: 'yes', label: 'Yes' },
  { key: 'no', label: 'No' },
  { key: 'abstain', label: 'Abstain' },
] as const

/** Yes / No / Abstain as bars; each bar's width is its share of the votes cast. */
export function TallyBars({ yes, no, abstain, compact }: { yes: string; no: string; abstain: string; compact?: boolean }) {
  const values = { yes: BigInt(yes), no: BigInt(no), abstain: BigInt(abstain) }
  const cast = values.yes + values.no + values.abstain
  return (
    <ul className={`dao-tally${compact ? ' dao-tally-compact' : ''}`} aria-label="Tally">
      {options.map(({ key, label }) => {
        const share = percentOf(values[key], cast)
        return (
          <li key={key} className={`dao-tally-${key}`}>
            <span className="dao-tally-label">
              {label} <span className="muted">{formatVotes(values[key].toString())} · {share}%</span>
            </span>
            <span className="dao-bar" aria-hidden="true">
              <span style={{ width: `${share}%` }} />
            </span>
          </li>
        )
      })}
    </ul>
  )
}
