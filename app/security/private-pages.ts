import type { EntryContext } from '@remix-run/node'

// A page rendered for a signed-in visitor shows their address and their own data: no cache
// (a shared proxy, the browser's back/forward disk cache) may keep it.

export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** Marks the document private when the root loader found a session (its `address`). */
export function privatePageHeaders(headers: Headers, context: EntryContext): void {
  const root = context.staticHandlerContext.loaderData.root as { address?: unknown } | undefined
  if (root?.address) headers.set('Cache-Control', PRIVATE_CACHE_CONTROL)
}
