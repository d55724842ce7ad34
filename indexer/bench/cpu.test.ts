import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cpuSince, cpuTimes } from './cpu'

describe.runIf(fs.existsSync('/proc/self/stat'))('bench CPU accounting', () => {
  it('counts a busy main thread in both the process and the main thread', () => {
    const before = cpuTimes(undefined)
    const until = Date.now() + 300
    let spins = 0
    while (Date.now() < until) spins++
    const spent = cpuSince(before, cpuTimes(undefined))!
    expect(spins).toBeGreaterThan(0)
    // 300 ms of spinning, measured in 10 ms ticks: well over half of it lands on this thread.
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
