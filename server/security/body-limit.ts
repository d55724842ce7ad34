import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { refuse } from './refuse'

// Every request body is read here, before Remix, and refused with 413 once it passes the
// limit for its path. The body read is handed to Remix as `req.body` (server/remix-handler.ts).
//
// A little past the limit, the rest of the upload is still read (and thrown away) before the
// answer: most clients read the answer only once they have sent the whole body, and one whose
// upload is cut off sees a broken connection instead of the 413. Far past it (a declared
// Content-Length, or a chunked upload that keeps going), the answer goes out at once and
// reading stops, so the rest of a 100 MB upload is never read (TCP holds the client back); the
// connection is closed a moment later. (Closed at once, the connection is reset while the
// client's data is still arriving, and a reset can discard the answer before the client reads
// it. body-parser, for its part, reads the whole rest of the body, however large, before it
// answers 413.)

export type BodyLimits = {
  /** Bytes any request body may have. */
  default: number
  /** Larger limits for the paths that need them (exact path match). */
  paths?: Record<string, number>
}

/** How far past its limit an upload is still read to its end before the 413. */
const DRAIN_BYTES = 1024 * 1024
/** After a 413 far past the limit: how long the client has to read it before the connection is closed. */
const LINGER_MS = 1000

const BODILESS_METHODS = new Set(['GET', 'HEAD'])

export function limitRequestBodies(limits: BodyLimits): RequestHandler {
  return (req, res, next) => {
    if (BODILESS_METHODS.has(req.method)) return next()
    const limit = limits.paths?.[req.path] ?? limits.default
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit + DRAIN_BYTES) return refuseAndLinger(req, res, limit)
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
    if (size <= limit) chunks.push(chunk)
    else if (size > limit + DRAIN_BYTES) {
      stop()
      refuseAndLinger(req, res, limit)
    }
  }
  const onEnd = () => {
    stop()
    if (size > limit) return refuseTooLarge(req, res, limit)
    req.body = Buffer.concat(chunks, size)
    next()
  }
  req.on('data', onData)
  req.on('end', onEnd)
  // A client that goes away mid-upload gets no answer: there is no one to read it.
  req.on('error', stop)
}

function refuseTooLarge(req: Request, res: Response, limit: number): void {
  refuse(req, res, 413, `The request body is larger than ${limit} bytes, the most this address accepts.`)
}

/**
 * The 413 for an upload far past its limit: nothing more of the body is read; the connection
 * is closed LINGER_MS after the answer went out.
 */
function refuseAndLinger(req: Request, res: Response, limit: number): void {
  // A request whose body was never read would be read to its end by Node once answered (to keep
  // the connection alive); marked as read by a listener, and paused, it is left alone.
  req.on('data', () => undefined)
  req.pause()
  res.once('finish', () => setTimeout(() => req.socket.destroy(), LINGER_MS))
  refuseTooLarge(req, res, limit)
}
