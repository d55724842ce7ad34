import { percentOf } from '~/dao/proposal-state'

// The two checks a proposal must pass, drawn against their thresholds: participation (votes cast
// of the voting power at the snapshot, marker at the minimum) and support (Yes of Yes + No,
// marker at the threshold). The numbers stay in the text beside the bars (ProposalResult).

export function ThresholdBars({
  cast,
  total,
  minParticipationPpm,
  yes,
  no,
  supportThresholdPpm,
}: {
  cast: bigint
  total: bigint | null
  minParticipationPpm: number | null
  yes: bigint
  no: bigint
  supportThresholdPpm: number | null
}) {
  const bars = [
    { key: 'participation', label: 'Participation', share: total === null ? null : percentOf(cast, total), marker: minParticipationPpm },
    { key: 'support', label: 'Support', share: yes + no === 0n ? 0 : percentOf(yes, yes + no), marker: supportThresholdPpm },
  ]
  return (
    <ul className="dao-thresholds" aria-label="Thresholds">
      {bars.map((bar) =>
        bar.share === null ? null : (
          <li key={bar.key} data-bar={bar.key}>
            <span className="dao-tally-label">
              {bar.label} {bar.share}%{bar.marker !== null ? <span className="muted"> · needs {bar.key === 'support' ? 'more than ' : ''}{bar.marker / 10_000}%</span> : null}
            </span>
            <span className="dao-bar dao-threshold-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(bar.share, 100)}%` }} />
              {bar.marker !== null ? <i className="dao-marker" style={{ left: `${bar.marker / 10_000}%` }} /> : null}
            </span>
          </li>
        ),
      )}
    </ul>
  )
}
