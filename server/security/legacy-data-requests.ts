import type { RequestHandler } from 'express'
import { refuse } from './refuse'

// `?_data=` is the data protocol of Remix before Single Fetch. This portal uses Single Fetch
// (`.data` URLs), so no page of it ever asks for `?_data=`; Remix would still answer such a
// probe, and log an error with a stack trace for each. They get a 400 with the reason instead.

export const refuseLegacyDataRequests: RequestHandler = (req, res, next) => {
  const query = req.originalUrl.indexOf('?')
  if (query === -1 || !new URLSearchParams(req.originalUrl.slice(query + 1)).has('_data')) return next()
  refuse(req, res, 400, 'This portal does not answer ?_data= requests: its pages load their data from .data URLs.')
}
