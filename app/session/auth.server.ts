import { redirect } from '@remix-run/node'

// Placeholder until the wallet-session work lands: nobody is signed in.
// The interface is fixed: routes call these two and nothing else.

export async function getAddress(_request: Request): Promise<`0x${string}` | null> {
  return null
}

export async function requireAddress(request: Request): Promise<`0x${string}`> {
  const address = await getAddress(request)
  if (!address) {
    const url = new URL(request.url)
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return address
}
