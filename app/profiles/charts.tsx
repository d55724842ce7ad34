import { useId } from 'react'
import { doorLabels, type ActivityMonth, type Door, type EarningsSeries } from './chart-data'

// The profile's charts, drawn on the server as SVG: they read without JavaScript, scale to the
// page's width, and each carries its text alternative twice — a <title>/<desc> for the picture
// and the same numbers as a table for anyone who wants them exactly.

const WIDTH = 600
const HEIGHT = 180
const PAD = { left: 36, right: 8, top: 10, bottom: 28 }
const doors: Door[] = ['learn', 'contribute', 'govern']

function niceMax(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  return [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= value) ?? value
}

function Axis({ max, months, format }: { max: number; months: { label: string }[]; format: (n: number) => string }) {
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const step = (WIDTH - PAD.left - PAD.right) / months.length
  return (
    <g className="chart-axis" aria-hidden="true">
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH * (1 - f)} y2={PAD.top + plotH * (1 - f)} />
          <text x={PAD.left - 4} y={PAD.top + plotH * (1 - f) + 4} textAnchor="end">
            {format(max * f)}
          </text>
        </g>
      ))}
      {months.map((month, i) =>
        i % 2 === 1 || months.length <= 6 ? (
          <text key={month.label} x={PAD.left + step * (i + 0.5)} y={HEIGHT - 8} textAnchor="middle">
            {month.label.slice(0, 3)}
          </text>
        ) : null,
      )}
    </g>
  )
}

/** Activity per month, stacked by door (learning, contributing, governing). */
export function ActivityChart({ months }: { months: ActivityMonth[] }) {
  const id = useId()
  const totals = months.map((m) => m.learn + m.contribute + m.govern)
  const sum = totals.reduce((a, b) => a + b, 0)
  const max = niceMax(Math.max(...totals))
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const step = (WIDTH - PAD.left - PAD.right) / months.length
  const busiest = months[totals.indexOf(Math.max(...totals))]
  const desc =
    sum === 0
      ? `No activity in the ${months.length} months from ${months[0]?.label} to ${months.at(-1)?.label}.`
      : `${sum} activities in the ${months.length} months from ${months[0]?.label} to ${months.at(-1)?.label}; the busiest month was ${busiest?.label} with ${Math.max(...totals)}. ` +
        doors.map((door) => `${doorLabels[door]}: ${months.reduce((a, m) => a + m[door], 0)}`).join(', ') +
        '.'
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>Activity per month</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>Activity per month, by learning, contributing and governing</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <Axis max={max} months={months} format={(n) => String(Math.round(n))} />
        {months.map((month, i) => {
          let y = PAD.top + plotH
          return (
            <g key={month.key}>
              {doors.map((door) => {
                const h = (month[door] / max) * plotH
                y -= h
                return h > 0 ? <rect key={door} className={`chart-${door}`} x={PAD.left + step * i + step * 0.15} y={y} width={step * 0.7} height={h} /> : null
              })}
            </g>
          )
        })}
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {doors.map((door) => (
          <li key={door}>
            <span className={`chart-swatch chart-${door}`} /> {doorLabels[door]}
          </li>
        ))}
      </ul>
      <details>
        <summary>Activity per month as a table</summary>
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              {doors.map((door) => (
                <th key={door} scope="col" className="num">
                  {doorLabels[door]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.key}>
                <th scope="row">{month.label}</th>
                {doors.map((door) => (
                  <td key={door} className="num">
                    {month[door]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}

/** Earnings so far at the end of each month, one line per token (tokens are not added up: no price feed). */
export function EarningsChart({ series }: { series: EarningsSeries[] }) {
  const id = useId()
  if (series.length === 0) {
    return (
      <figure className="chart">
        <figcaption>Earnings over time</figcaption>
        <p className="muted">Nothing earned from tasks yet.</p>
      </figure>
    )
  }
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const months = series[0]!.points
  const step = (WIDTH - PAD.left - PAD.right) / months.length
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>Earnings over time</figcaption>
      {series.map((s, index) => {
        const max = niceMax(Math.max(...s.points.map((p) => p.value)))
        const path = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(PAD.left + step * (i + 0.5)).toFixed(1)},${(PAD.top + plotH * (1 - p.value / max)).toFixed(1)}`).join(' ')
        return (
          <svg key={s.token} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-${index}-title ${id}-${index}-desc`}>
            <title id={`${id}-${index}-title`}>{`Earnings in ${s.symbol} over time`}</title>
            <desc id={`${id}-${index}-desc`}>{`${s.total} earned in all; ${s.points.at(-1)?.total} by the end of ${s.points.at(-1)?.label}, ${s.points[0]?.total} by the end of ${s.points[0]?.label}.`}</desc>
            <Axis max={max} months={months} format={(n) => (n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : n >= 10 || n === 0 ? String(Math.round(n)) : n.toFixed(1))} />
            <path className="chart-line" d={path} fill="none" />
          </svg>
        )
      })}
      <details>
        <summary>Earnings over time as a table</summary>
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">End of month</th>
              {series.map((s) => (
                <th key={s.token} scope="col" className="num">
                  {s.symbol}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month, i) => (
              <tr key={month.key}>
                <th scope="row">{month.label}</th>
                {series.map((s) => (
                  <td key={s.token} className="num">
                    {s.points[i]!.total}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
