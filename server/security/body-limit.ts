import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { refuse } from './refuse'

// Every request body is read here, before Remix, and refused with 413 once it passes the
// limit for its path: on its Content-Length before a byte is read, else (chunked uploads) as
// soon as the bytes read pass the limit. The rest of an oversized upload is never read: the
// answer closes the connection. (body-parser reads the whole rest of the body before it
// answers 413, so a 100 MB upload would still be received in full.)
// The body read here is handed to Remix as `req.body` (see server/remix-handler.ts).

export type BodyLimits = {
  /** Bytes any request body may have. */
  default: number
  /** Larger limits for the paths that need them (exact path match). */
  paths?: Record<string, number>
}

const BODILESS_METHODS = new Set(['GET', 'HEAD'])

export function limitRequestBodies(limits: BodyLimits): RequestHandler {
  return (req, res, next) => {
    if (BODILESS_METHODS.has(req.method)) return next()
    const limit = limits.paths?.[req.path] ?? limits.default
    const declared = req.headers['content-length']
    if (declared !== undefined && Number(declared) > limit) return refuseTooLarge(req, res, limit)
    readBody(req, res, limit, next)
  }
}

function readBody(req: Request, res: Response, limit: number, next: NextFunction): void {
  const chunks: Buffer[] = []
  let size = 0
  const stop = () => {
    req.off('data', onData)
    req.off('end', onEnd)
    req.off('error', stop)
  }
  const onData = (chunk: Buffer) => {
    size += chunk.length
    if (size > limit) {
      stop()
      req.pause()
      refuseTooLarge(req, res, limit)
      return
    }
    chunks.push(chunk)
  }
  const onEnd = () => {
    stop()
    req.body = Buffer.concat(chunks, size)
    next()
  }
  req.on('data', onData)
  req.on('end', onEnd)
  // A client that goes away mid-upload gets no answer: there is no one to read it.
  req.on('error', stop)
}

function refuseTooLarge(req: Request, res: Response, limit: number): void {
  // `Connection: close`: Node closes the socket once the answer is out, instead of reading
  // (and throwing away) the rest of the upload to keep the connection alive.
  refuse(req, res, 413, `The request body is larger than ${limit} bytes, the most this address accepts.`, { Connection: 'close' })
}
