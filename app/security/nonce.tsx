import { createContext, useContext } from 'react'

// The Content-Security-Policy nonce of the response being rendered (made per request by the
// web server, server/security/content-security-policy.ts). Only the server knows it: browsers
// hide nonce attributes from scripts, so in the browser it is '' and React keeps the server's.

export const NonceContext = createContext('')

export function useNonce(): string {
  return useContext(NonceContext)
}
