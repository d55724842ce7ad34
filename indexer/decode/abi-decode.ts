import type { AbiParameter } from 'viem'

// A small ABI decoder for the hot path of log decoding: each event's parameter list is compiled
// once into reader functions that read the hex string in place (no byte-array copy, no per-log
// type parsing). Same value conventions as viem: integers of up to 48 bits are numbers, wider
// ones bigints; addresses are returned lowercase; bytes as 0x hex; tuples with named components
// as objects. Throws on malformed input (the caller treats the log as undecodable).

type Param = Pick<AbiParameter, 'type' | 'name'> & { components?: readonly Param[] }

/** Reads a value whose head slot is at byte `head`; offsets of dynamic values count from `base`. */
type Read = (hex: string, base: number, head: number) => unknown
type Compiled = { read: Read; dynamic: boolean; size: number }

const WORD = 64
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

function word(hex: string, offset: number): string {
  const start = 2 + offset * 2
  const end = start + WORD
  if (end > hex.length) throw new Error('ABI data too short')
  return hex.slice(start, end)
}

function small(hex: string, offset: number): number {
  const value = BigInt(`0x${word(hex, offset)}`)
  if (value > MAX_SAFE) throw new Error('ABI offset out of range')
  return Number(value)
}

/** Decoder of one 32-byte word for an elementary type. */
function wordDecoder(type: string): (w: string) => unknown {
  if (type === 'address') return (w) => `0x${w.slice(24)}`
  if (type === 'bool') return (w) => /[^0]/.test(w)
  const uint = /^uint(\d*)$/.exec(type)
  if (uint) {
    const bits = Number(uint[1] || 256)
    return bits <= 48 ? (w) => Number(BigInt(`0x${w}`)) : (w) => BigInt(`0x${w}`)
  }
  const int = /^int(\d*)$/.exec(type)
  if (int) {
    const bits = Number(int[1] || 256)
    return (w) => {
      let v = BigInt(`0x${w}`)
      if (v >= 1n << 255n) v -= 1n << 256n
      return bits <= 48 ? Number(v) : v
    }
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type)
  if (fixedBytes) {
    const length = Number(fixedBytes[1]) * 2
    return (w) => `0x${w.slice(0, length)}`
  }
  throw new Error(`unsupported ABI type ${type}`)
}

function compile(param: Param): Compiled {
  const fixedArray = /^(.*)\[(\d+)\]$/.exec(param.type)
  const dynamicArray = /^(.*)\[\]$/.exec(param.type)
  if (param.type === 'string' || param.type === 'bytes') {
    const asString = param.type === 'string'
    return {
      dynamic: true,
      size: 32,
      read: (hex, base, head) => {
        const at = base + small(hex, head)
        const length = small(hex, at)
        const start = 2 + (at + 32) * 2
        const body = hex.slice(start, start + length * 2)
        if (body.length !== length * 2) throw new Error('ABI data too short')
        return asString ? Buffer.from(body, 'hex').toString('utf8') : `0x${body}`
      },
    }
  }
  if (dynamicArray) {
    const item = compile({ ...param, type: dynamicArray[1]! })
    const step = item.dynamic ? 32 : item.size
    return {
      dynamic: true,
      size: 32,
      read: (hex, base, head) => {
        const at = base + small(hex, head)
        const length = small(hex, at)
        if (length > 100_000) throw new Error('ABI array too long')
        const out = new Array(length)
        for (let i = 0; i < length; i++) out[i] = item.read(hex, at + 32, at + 32 + i * step)
        return out
      },
    }
  }
  if (fixedArray) {
    const item = compile({ ...param, type: fixedArray[1]! })
    const length = Number(fixedArray[2])
    const step = item.dynamic ? 32 : item.size
    const dynamic = item.dynamic
    const readList = (hex: string, at: number) => {
      const out = new Array(length)
      for (let i = 0; i < length; i++) out[i] = item.read(hex, at, at + i * step)
      return out
    }
    return dynamic
      ? { dynamic, size: 32, read: (hex, base, head) => readList(hex, base + small(hex, head)) }
      : { dynamic, size: length * item.size, read: (hex, _base, head) => readList(hex, head) }
  }
  if (param.type === 'tuple') {
    const components = (param.components ?? []).map((c) => ({ name: c.name, ...compile(c) }))
    const named = components.length > 0 && components.every((c) => c.name)
    const dynamic = components.some((c) => c.dynamic)
    const readTuple = (hex: string, at: number) => {
      const values: unknown[] = []
      let head = at
      for (const c of components) {
        values.push(c.read(hex, at, head))
        head += c.dynamic ? 32 : c.size
      }
      return named ? Object.fromEntries(components.map((c, i) => [c.name!, values[i]])) : values
    }
    return dynamic
      ? { dynamic, size: 32, read: (hex, base, head) => readTuple(hex, base + small(hex, head)) }
      : { dynamic, size: components.reduce((sum, c) => sum + c.size, 0), read: (hex, _base, head) => readTuple(hex, head) }
  }
  const decodeWord = wordDecoder(param.type)
  return { dynamic: false, size: 32, read: (hex, _base, head) => decodeWord(word(hex, head)) }
}

/** Compiles a decoder for ABI-encoded `params` (a function's or an event's data). */
export function compileParams(params: readonly Param[]): (data: string) => unknown[] {
  const compiled = params.map(compile)
  return (data) => {
    const out = new Array(compiled.length)
    let head = 0
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i]!
      out[i] = c.read(data, 0, head)
      head += c.dynamic ? 32 : c.size
    }
    return out
  }
}

/** Decodes `data` as the ABI encoding of `params` (compiles each time: for tests and one-offs). */
export function decodeParams(params: readonly Param[], data: string): unknown[] {
  return compileParams(params)(data)
}

/** A decoder for an indexed event parameter's topic: static types decode, dynamic ones stay the hash. */
export function compileTopic(param: Param): (topic: string) => unknown {
  const hashed = param.type === 'string' || param.type === 'bytes' || param.type === 'tuple' || /\[\d*\]$/.test(param.type)
  if (hashed) return (topic) => topic
  const decodeWord = wordDecoder(param.type)
  return (topic) => decodeWord(topic.slice(2))
}
