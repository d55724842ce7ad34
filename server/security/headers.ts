import compression from 'compression'
import type { RequestHandler } from 'express'
import helmet from 'helmet'
import { assignCspNonce, contentSecurityPolicy, type CspOptions } from './content-security-policy'

// The response headers every answer carries (pages, resource routes, static files), set by
// helmet before anything else runs, then compression of text (HTML, JS, CSS, JSON).

const YEAR_SECONDS = 365 * 24 * 60 * 60

export function securityHeaders(options: CspOptions & { production: boolean }): RequestHandler[] {
  return [
    assignCspNonce,
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
      // Only over https, i.e. in production; the portal's own host only, because it may live
      // on a subdomain of an organisation whose other hosts are not all served over https.
      strictTransportSecurity: options.production ? { maxAge: YEAR_SECONDS, includeSubDomains: false } : false,
      // Wallets that sign in a popup (Coinbase's smart wallet) talk to the page that opened it.
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      xFrameOptions: { action: 'deny' },
    }),
    compression(),
  ]
}
