import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceContext } from '~/security/nonce'
import { PRIVATE_CACHE_CONTROL, privatePageHeaders } from '~/security/private-pages'
import { getAddress } from '~/session/auth.server'
import * as taskWrites from '~/tasks/components/actions/task-writes'
import { provideTaskWrites } from '~/tasks/components/actions/lazy'
import * as walletKit from '~/wallet/wallet-kit'
import { provideWalletKitModule } from '~/wallet/wallet-loader'

const ABORT_DELAY = 5_000

// The browser loads the wallet's code and the task writes on demand; the server renders them
// whenever a page needs them.
provideWalletKitModule(walletKit)
provideTaskWrites(taskWrites)

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots get the whole document at once; browsers get the shell as soon as it is ready.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  // Security headers (CSP with this nonce, nosniff, …) are set by the web server (server/security/).
  const nonce = loadContext.cspNonce ?? ''
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          privatePageHeaders(responseHeaders, remixContext)
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/** Server-side errors worth a log line: not aborted requests, not 4xx responses (e.g. unknown URLs). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) return
  console.error(error)
}

/** Data requests (`.data`, client navigations and form posts) of a signed-in visitor are private too. */
export async function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (await getAddress(request)) response.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL)
  return response
}
