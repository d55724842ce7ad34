import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ActionFunctionArgs } from '@remix-run/node'
import { createSiweMessage, type SiweMessage } from 'viem/siwe'
import { useAnvil, useTempDatabase } from '../../test/setup'

// Test support for the tests that call route modules: a cookie-keeping "browser" that calls the route
// actions the way Remix would, and a default SIWE message for the test portal.

export const PORTAL_ORIGIN = 'http://localhost:3000'
export const TEST_SECRET = 'test-secret-0123456789abcdef-0123456789abcdef'

/** Points the server modules at this test file's database and chain (read once, on first use). */
export function configurePortalEnv(values: { databasePath: string; anvilPort: number; dataDir: string } & Record<string, string | number>) {
  const { databasePath, anvilPort, dataDir, ...rest } = values
  Object.assign(process.env, {
    NODE_ENV: 'test',
    PORT: '3000',
    CHAIN_ID: '31337',
    DATABASE_PATH: databasePath,
    ANVIL_PORT: String(anvilPort),
    DATA_DIR: dataDir,
    SESSION_SECRET: TEST_SECRET,
    // Production mode refuses to boot without an issuer key; any fixed key will do here.
    ISSUER_PRIVATE_KEY: `0x${'11'.repeat(32)}`,
    RPC_URL: '',
    PUBLIC_URL: '',
    ...Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, String(value)])),
  })
}

/**
 * An anvil, a SQLite file and a data folder for this test file, with the server modules pointed
 * at them; call it before importing any route, as the env is read once.
 */
export async function useTestPortal(env: Record<string, string | number> = {}) {
  const anvil = await useAnvil()
  const database = useTempDatabase()
  configurePortalEnv({ databasePath: database.path, anvilPort: anvil.port, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-data-')), ...env })
  return { anvil, database }
}

/** A form body as the browser sends it: each value once, or once per item of a list. */
export function formData(values: Record<string, string | string[]>): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) form.append(key, item)
  return form
}

type Action = (args: ActionFunctionArgs) => Promise<Response> | Response
type RequestInit = { method?: string; json?: unknown; body?: string; origin?: string | null; headers?: Record<string, string> }

export class TestBrowser {
  readonly cookies = new Map<string, string>()
  constructor(readonly origin = PORTAL_ORIGIN) {}

  request(path: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers)
    const origin = init.origin === undefined ? this.origin : init.origin
    if (origin !== null) headers.set('Origin', origin)
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    let body = init.body
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(init.json)
    }
    return new Request(new URL(path, this.origin), { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body })
  }

  /** Runs a route action like Remix does (a thrown Response is the response) and keeps its cookies. */
  async call(action: Action, path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response
    try {
      response = await action({ request: this.request(path, { method: 'POST', ...init }), params: {}, context: {} })
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown
      response = thrown
    }
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      const value = pair.slice(pair.indexOf('=') + 1)
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }
}

export function siweMessage(fields: Pick<SiweMessage, 'address' | 'nonce'> & Partial<SiweMessage>): string {
  return createSiweMessage({
    domain: 'localhost:3000',
    scheme: 'http',
    uri: `${PORTAL_ORIGIN}/`,
    chainId: 31337,
    version: '1',
    statement: 'Sign in to the Openmesh Portal.',
    issuedAt: new Date(),
    ...fields,
  })
}
