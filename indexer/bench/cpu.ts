import fs from 'node:fs'

// CPU time spent during a measurement, from Linux's /proc: this process (all its threads), its
// main thread (the indexer's writer) and another process (the node). On 2 cores the backfill's
// parts compete for the same CPUs, so how busy the machine was says whether a faster pipeline
// could help at all. Elsewhere (no /proc) there is nothing to report.

export type CpuTimes = { processMs: number; mainThreadMs: number; otherMs: number }

/** Clock ticks of user + system time in a /proc stat line (fields 14 and 15). */
function statMs(file: string): number | undefined {
  try {
    const stat = fs.readFileSync(file, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Linux reports in USER_HZ, which is 100 on every architecture Node runs on.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

export function cpuTimes(otherPid: number | undefined): CpuTimes | undefined {
  const processMs = statMs('/proc/self/stat')
  const mainThreadMs = statMs(`/proc/self/task/${process.pid}/stat`)
  const otherMs = otherPid === undefined ? 0 : statMs(`/proc/${otherPid}/stat`)
  if (processMs === undefined || mainThreadMs === undefined || otherMs === undefined) return undefined
  return { processMs, mainThreadMs, otherMs }
}

export function cpuSince(before: CpuTimes | undefined, after: CpuTimes | undefined): CpuTimes | undefined {
  if (!before || !after) return undefined
  return {
    processMs: after.processMs - before.processMs,
    mainThreadMs: after.mainThreadMs - before.mainThreadMs,
    otherMs: after.otherMs - before.otherMs,
  }
}
