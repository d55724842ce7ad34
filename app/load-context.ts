// What the web server (server/app.ts) passes to every loader and action as `context`.
// Optional because route tests call loaders and actions directly, without the server.

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
    cspNonce?: string
    /** The client the request counts against for abuse limits: its IP, or an IPv6 address's /56. */
    clientKey?: string
  }
}

export {}
