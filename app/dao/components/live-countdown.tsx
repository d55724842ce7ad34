import { useEffect, useState } from 'react'
import { formatDuration } from '../format'

// A countdown that keeps ticking in the browser: from the chain time the page was rendered at
// (`now`, the latest indexed block's timestamp) plus the seconds since. The first render is the
// server's (no clock read), so hydration matches; `done` is shown once the moment has passed.

export function LiveCountdown({ to, now, prefix, done }: { to: number; now: number; prefix: string; done: string }) {
  const [elapsed, setElapsed] = useState(0)
  useEffect(() => {
    const start = Date.now()
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - start) / 1000)), 1000)
    return () => clearInterval(timer)
  }, [to, now])
  const left = to - (now + elapsed)
  return (
    <span className="dao-countdown" data-countdown={left > 0 ? 'running' : 'done'} role="timer">
      {left > 0 ? `${prefix} ${formatDuration(left)}` : done}
    </span>
  )
}
