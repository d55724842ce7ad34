// wagmi keeps its connection state in a cookie (see config.ts) so the server can render the
// header as the browser will: "reconnecting" rather than a flash of "disconnected".

const WAGMI_STATE_COOKIE = 'wagmi.store'
const MAX_LENGTH = 4096

/** Only wagmi's own cookie is passed on to the page, never the Cookie header (it holds the HttpOnly session). */
export function readWagmiCookie(request: Request): string | null {
  const header = request.headers.get('Cookie')
  if (!header) return null
  const pair = header.split(/;\s*/).find((part) => part.startsWith(`${WAGMI_STATE_COOKIE}=`))
  const value = pair?.slice(WAGMI_STATE_COOKIE.length + 1)
  return value && value.length <= MAX_LENGTH ? value : null
}
