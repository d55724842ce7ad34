import { describe, expect, it } from 'vitest'
import { ConfigError, envVariable, loadEnv } from './env'

describe('loadEnv', () => {
  it('gives every variable a local default', () => {
    const env = loadEnv({})
    expect(env).toMatchObject({ PORT: 3000, ANVIL_PORT: 8545, DATA_DIR: '.data', HOST: 'localhost', NODE_ENV: 'development' })
    expect(env.databasePath).toBe('.data/portal.sqlite')
    expect(env.RPC_URL).toBeUndefined()
  })

  it('treats empty values from .env.example as unset', () => {
    const env = loadEnv({ RPC_URL: '', SESSION_SECRET: '', ISSUER_PRIVATE_KEY: '' })
    expect(env.RPC_URL).toBeUndefined()
    expect(env.SESSION_SECRET).toBeUndefined()
    expect(env.ISSUER_PRIVATE_KEY).toBeUndefined()
  })

  it.each([
    [{ PORT: '70000' }, /^invalid configuration: PORT="70000"/],
    [{ PORT: 'abc' }, /^invalid configuration: PORT="abc"/],
    [{ RPC_URL: 'ftp://x', TASKS_ADDRESS: '0xDdb23dacd41908C4eAE03982B1c6529252A56b62' }, /RPC_URL="ftp:\/\/x" must be an http\(s\) or ws\(s\) URL/],
    [{ RPC_WS_URL: 'http://127.0.0.1:8545' }, /RPC_WS_URL="http:\/\/127.0.0.1:8545" must be a ws:\/\/ or wss:\/\/ URL/],
    [{ ISSUER_PRIVATE_KEY: '0x12' }, /ISSUER_PRIVATE_KEY="0x12" must be a 0x-prefixed 32-byte hex private key/],
    [{ NODE_ENV: 'production' }, /SESSION_SECRET is required in production/],
    [{ INDEXER_CONCURRENCY: '0' }, /^invalid configuration: INDEXER_CONCURRENCY="0"/],
    [{ INDEXER_FETCH_WORKER: 'yes' }, /^invalid configuration: INDEXER_FETCH_WORKER="yes"/],
    [{ LOG_LEVEL: 'verbose' }, /^invalid configuration: LOG_LEVEL="verbose"/],
    [
      { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://portal.example' },
      /ISSUER_PRIVATE_KEY .* is required in production/,
    ],
  ])('rejects %j with a message naming the variable', (source, message) => {
    expect(() => loadEnv(source)).toThrow(ConfigError)
    expect(() => loadEnv(source)).toThrow(message)
  })
})

describe('the IPFS node’s addresses', () => {
  it('listen on 127.0.0.1 by default, announce nothing else, and take comma-separated TCP multiaddrs', () => {
    expect(loadEnv({})).toMatchObject({ IPFS_NODE: 'on', IPFS_LISTEN: ['/ip4/127.0.0.1/tcp/0'], IPFS_ANNOUNCE: [] })
    const env = loadEnv({ IPFS_LISTEN: '/ip4/0.0.0.0/tcp/4001, /ip6/::/tcp/4001', IPFS_ANNOUNCE: '/dns4/portal.example.org/tcp/4001' })
    expect(env.IPFS_LISTEN).toEqual(['/ip4/0.0.0.0/tcp/4001', '/ip6/::/tcp/4001'])
    expect(env.IPFS_ANNOUNCE).toEqual(['/dns4/portal.example.org/tcp/4001'])
    // Empty, as in .env.example: the default.
    expect(loadEnv({ IPFS_LISTEN: '', IPFS_ANNOUNCE: '' })).toMatchObject({ IPFS_LISTEN: ['/ip4/127.0.0.1/tcp/0'], IPFS_ANNOUNCE: [] })
  })

  it.each([
    [{ IPFS_LISTEN: '/ip4/127.0.0.1/udp/4001/quic-v1' }, /IPFS_LISTEN=".*" must be comma-separated, each an \/ip4/],
    [{ IPFS_LISTEN: '/dns4/example.org/tcp/4001' }, /IPFS_LISTEN=/],
    [{ IPFS_LISTEN: '/ip4/127.0.0.1/tcp/70000' }, /IPFS_LISTEN=/],
    [{ IPFS_ANNOUNCE: 'portal.example.org:4001' }, /IPFS_ANNOUNCE=/],
    [{ IPFS_NODE: 'yes' }, /IPFS_NODE="yes"/],
  ])('refuses %o', (source, message) => {
    expect(() => loadEnv(source)).toThrow(message)
  })
})

describe('envVariable', () => {
  it('reads one variable by its rule, where the rest of the configuration may be incomplete', () => {
    // Production without SESSION_SECRET would stop loadEnv; a build script needs only COURSES_DIR.
    expect(envVariable('COURSES_DIR', { NODE_ENV: 'production', COURSES_DIR: 'content/courses' })).toBe('content/courses')
    expect(envVariable('COURSES_DIR', {})).toBe('courses')
    expect(envVariable('BENCH_EVENTS', { BENCH_EVENTS: '500' })).toBe(500)
    expect(() => envVariable('BENCH_EVENTS', { BENCH_EVENTS: 'many' })).toThrow(/^invalid configuration: BENCH_EVENTS="many"/)
  })
})
