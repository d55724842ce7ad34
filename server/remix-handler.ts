import type { Request, RequestHandler, Response } from 'express'
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from '@remix-run/node'
import type {} from '../app/load-context'
import { cspNonceOf } from './security/content-security-policy'
import { clientKeyOf } from './security/rate-limits'

// Remix behind express, as @remix-run/express's createRequestHandler does it, except that the
// body comes from `req.body`: server/security/body-limit.ts has already read it (and refused
// it when too large), so the request stream itself is used up. (The adapter only exports the
// handler that reads the stream, hence the request and response conversions here.)

type Mode = 'development' | 'production'

export function remixHandler(getBuild: () => ServerBuild, mode: Mode): RequestHandler {
  const handlers = new WeakMap<ServerBuild, ReturnType<typeof createRequestHandler>>()
  return async (req, res, next) => {
    try {
      const build = getBuild()
      let handle = handlers.get(build)
      if (!handle) handlers.set(build, (handle = createRequestHandler(build, mode)))
      const context: AppLoadContext = { cspNonce: cspNonceOf(res), clientKey: clientKeyOf(req) }
      await send(res, await handle(toFetchRequest(req, res), context))
    } catch (error) {
      next(error)
    }
  }
}

function toFetchRequest(req: Request, res: Response): globalThis.Request {
  // As the adapter does: the host and port as the client used them (X-Forwarded-Host when
  // express trusts the proxy), and the full original path.
  const forwardedPort = req.get('X-Forwarded-Host')?.split(':')[1]
  const hostPort = req.get('host')?.split(':')[1]
  const port = [forwardedPort, hostPort].map((value) => Number.parseInt(value ?? '', 10)).find(Number.isSafeInteger)
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  // Abort loaders and actions when the client goes away before the answer is sent.
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const each of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, each)
  }
  const body: unknown = req.body
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    body: req.method !== 'GET' && req.method !== 'HEAD' && Buffer.isBuffer(body) ? new Uint8Array(body) : null,
  })
}

async function send(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
