// The backfill progress bar on a terminal: blocks done/total, events/s, ETA. Drawn on one line
// of stderr, redrawn at most every 100 ms; log lines printed meanwhile clear it first.

export type ProgressBar = {
  update: (indexedBlock: number, events: number) => void
  clear: () => void
  redraw: () => void
  finish: () => void
}

export function createProgressBar({
  stream = process.stderr,
  fromBlock,
  toBlock,
  label = 'backfill',
}: {
  stream?: NodeJS.WriteStream
  fromBlock: number
  toBlock: number
  label?: string
}): ProgressBar {
  const started = Date.now()
  const total = Math.max(1, toBlock - fromBlock + 1)
  let done = 0
  let events = 0
  let lastDraw = 0
  let visible = false

  function render(): string {
    const elapsed = (Date.now() - started) / 1000
    const ratio = Math.min(1, done / total)
    const width = 16
    const filled = Math.round(ratio * width)
    const rate = elapsed > 0 ? events / elapsed : 0
    const eta = ratio > 0 && ratio < 1 ? (elapsed / ratio) * (1 - ratio) : 0
    return (
      `${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${(ratio * 100).toFixed(0).padStart(3)}% ` +
      `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} blocks  ${Math.round(rate).toLocaleString('en-US')} ev/s  ` +
      `ETA ${formatDuration(eta)}  (${events.toLocaleString('en-US')} events)`
    )
  }

  function draw(force = false) {
    const now = Date.now()
    if (!force && now - lastDraw < 100) return
    lastDraw = now
    const line = render()
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`)
    visible = true
  }

  return {
    update(indexedBlock, newEvents) {
      done = Math.max(done, indexedBlock - fromBlock + 1)
      events += newEvents
      draw()
    },
    clear() {
      if (visible) stream.write('\r\x1b[2K')
    },
    redraw() {
      if (visible) draw(true)
    },
    finish() {
      draw(true)
      stream.write('\n')
      visible = false
    },
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}
