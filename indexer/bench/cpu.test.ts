import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cpuSince, cpuTimes } from './cpu'

describe.runIf(fs.existsSync('/proc/self/stat'))('bench CPU accounting', () => {
  it('counts a busy main thread in both the process and the main thread', () => {
    const before = cpuTimes(undefined)
    // Spin for 300 ms of CPU, not of wall time: on a loaded machine (CI, two test files per core)
    // 300 ms of wall time can hold far less CPU than that.
    const started = process.cpuUsage()
    const giveUp = Date.now() + 20_000
    let spins = 0
    while (process.cpuUsage(started).user < 300_000 && Date.now() < giveUp) spins++
    const spent = cpuSince(before, cpuTimes(undefined))!
    expect(spins).toBeGreaterThan(0)
    // 300 ms of CPU, measured in 10 ms ticks: well over half of it lands on this thread.
    expect(spent.mainThreadMs).toBeGreaterThanOrEqual(150)
    // The two are read a moment apart, so one 10 ms tick may fall between them.
    expect(spent.processMs).toBeGreaterThanOrEqual(spent.mainThreadMs - 10)
    expect(spent.otherMs).toBe(0)
  })

  it('reads another process and reports nothing for one that is gone', () => {
    expect(cpuTimes(process.pid)?.otherMs).toBeGreaterThan(0)
    expect(cpuTimes(2 ** 22 + 7)).toBeUndefined()
  })
})
