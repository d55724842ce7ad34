import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'

// The portal's Content-Security-Policy, as helmet directives. Scripts run only from the portal
// itself or with the request's nonce (Remix's inline scripts carry it: app/root.tsx), so an
// injected <script> or inline handler never runs. Lesson pages import their compiled MDX as a
// module from a blob: URL (app/courses/components/mdx-content.tsx) instead of eval'ing it;
// a blob: URL can only be made by a script that already runs, so it opens nothing to markup.

export type CspOptions = {
  /** Origins the browser's wallet client talks to (the chain's public RPC). */
  rpcOrigins: string[]
  /** WalletConnect's relay, verify frame and modal assets, when a project id is configured. */
  walletConnect: boolean
  /** Development: Remix's live-reload websocket on localhost. */
  development: boolean
  /** Production: ask browsers to load every subresource over https. */
  upgradeInsecureRequests: boolean
}

type Directives = Record<string, Iterable<string | ((req: IncomingMessage, res: ServerResponse) => string)> | null>

/** WalletConnect's own list (docs.reown.com, "Content Security Policy"). */
const walletConnectSources = {
  connect: [
    'https://rpc.walletconnect.com',
    'https://rpc.walletconnect.org',
    'https://relay.walletconnect.com',
    'https://relay.walletconnect.org',
    'wss://relay.walletconnect.com',
    'wss://relay.walletconnect.org',
    'https://pulse.walletconnect.com',
    'https://pulse.walletconnect.org',
    'https://api.web3modal.com',
    'https://api.web3modal.org',
    'https://keys.walletconnect.com',
    'https://keys.walletconnect.org',
    'https://notify.walletconnect.com',
    'https://notify.walletconnect.org',
    'https://echo.walletconnect.com',
    'https://echo.walletconnect.org',
    'https://push.walletconnect.com',
    'https://push.walletconnect.org',
    'wss://www.walletlink.org',
  ],
  frame: [
    'https://verify.walletconnect.com',
    'https://verify.walletconnect.org',
    'https://secure.walletconnect.com',
    'https://secure.walletconnect.org',
  ],
  // Wallet logos in the QR modal come from WalletConnect's explorer and wallets' own hosts.
  img: ['https:', 'blob:'],
  font: ['https://fonts.gstatic.com', 'https://fonts.reown.com'],
  style: ['https://fonts.googleapis.com'],
}

const nonces = new WeakMap<ServerResponse, string>()

/** Gives each response its own nonce (128 random bits) before anything renders. */
export const assignCspNonce: RequestHandler = (_req, res, next) => {
  nonces.set(res, crypto.randomBytes(16).toString('base64'))
  next()
}

export function cspNonceOf(res: ServerResponse): string {
  const nonce = nonces.get(res)
  if (nonce === undefined) throw new Error('no CSP nonce for this response: assignCspNonce must run first')
  return nonce
}

export function contentSecurityPolicy(options: CspOptions): Directives {
  const wc = options.walletConnect
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", (_req, res) => `'nonce-${cspNonceOf(res)}'`, 'blob:'],
    // WalletConnect's modal (web components) adds <style> elements without a nonce.
    'style-src': ["'self'", ...(wc ? ["'unsafe-inline'", ...walletConnectSources.style] : [])],
    // React renders `style="width: 40%"` for the progress and tally bars; attributes cannot run script.
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...(wc ? walletConnectSources.img : [])],
    'font-src': ["'self'", ...(wc ? walletConnectSources.font : [])],
    'connect-src': [
      "'self'",
      ...options.rpcOrigins,
      ...(wc ? walletConnectSources.connect : []),
      ...(options.development ? ['ws://localhost:*', 'ws://127.0.0.1:*'] : []),
    ],
    'frame-src': wc ? walletConnectSources.frame : ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'upgrade-insecure-requests': options.upgradeInsecureRequests ? [] : null,
  }
}
