// Structured logs: JSON lines `{ time, level, msg, chainId, fromBlock, toBlock, events, ms, ... }`
// on stdout, or a short human line when the output is a terminal.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>
export type Logger = {
  debug: (msg: string, fields?: LogFields) => void
  info: (msg: string, fields?: LogFields) => void
  warn: (msg: string, fields?: LogFields) => void
  error: (msg: string, fields?: LogFields) => void
  child: (fields: LogFields) => Logger
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export type LoggerOptions = {
  format: 'json' | 'pretty'
  level?: LogLevel
  base?: LogFields
  write?: (line: string) => void
  /** Called around each pretty line so a progress bar can clear and redraw itself. */
  beforeWrite?: () => void
  afterWrite?: () => void
}

export function createLogger(options: LoggerOptions): Logger {
  const minimum = order[options.level ?? 'info']
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'))
  const base = options.base ?? {}

  function log(level: LogLevel, msg: string, fields: LogFields = {}) {
    if (order[level] < minimum) return
    const record = { time: new Date().toISOString(), level, msg, ...base, ...fields }
    if (options.format === 'json') {
      write(JSON.stringify(record, jsonReplacer))
      return
    }
    options.beforeWrite?.()
    const extras = Object.entries({ ...base, ...fields })
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v, jsonReplacer)}`)
      .join(' ')
    const time = record.time.slice(11, 19)
    write(`${time} ${level.toUpperCase().padEnd(5)} ${msg}${extras ? ' ' + extras : ''}`)
    options.afterWrite?.()
  }

  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  }
}

/** JSON for log fields: bigints as strings, errors as { name, message }. */
export function jsonReplacer(_key: string, value: unknown) {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Error) return { name: value.name, message: value.message }
  return value
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
}
