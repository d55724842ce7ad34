import { useRevalidator } from '@remix-run/react'
import { useMutation } from '@tanstack/react-query'
import { createSiweMessage } from 'viem/siwe'
import { useChains, useConnection, useSignMessage } from 'wagmi'
import { postSession } from './session-api'

const STATEMENT = 'Sign in to the Openmesh Portal.'
const MESSAGE_LIFETIME_MS = 10 * 60 * 1000

/**
 * Sign-In with Ethereum: ask the server for a nonce, have the wallet sign an EIP-4361 message
 * for this portal, and trade it for a session cookie. The page's loaders then run again, so
 * everything that depends on the session (header, protected pages) updates at once.
 */
export function useSignIn() {
  const connection = useConnection()
  const [chain] = useChains()
  const signMessage = useSignMessage()
  const revalidator = useRevalidator()
  return useMutation({
    mutationKey: ['session', 'sign-in'],
    mutationFn: async () => {
      const address = connection.address
      if (!address) throw new Error('Connect a wallet first.')
      const { nonce } = await postSession<{ nonce: string }>('/auth/nonce')
      const now = new Date()
      const message = createSiweMessage({
        address,
        chainId: chain.id,
        domain: window.location.host,
        scheme: window.location.protocol.replace(/:$/, ''),
        uri: window.location.origin,
        nonce,
        version: '1',
        statement: STATEMENT,
        issuedAt: now,
        expirationTime: new Date(now.getTime() + MESSAGE_LIFETIME_MS),
      })
      const signature = await signMessage.mutateAsync({ message, account: address })
      return postSession<{ address: string }>('/auth/verify', { message, signature })
    },
    onSuccess: () => revalidator.revalidate(),
  })
}

/** Ends the server session (the row is deleted; the cookie is cleared). */
export function useSignOut() {
  const revalidator = useRevalidator()
  return useMutation({
    mutationKey: ['session', 'sign-out'],
    mutationFn: () => postSession<{ signedOut: true }>('/auth/logout'),
    onSuccess: () => revalidator.revalidate(),
  })
}

/** What to tell the user when signing in failed: a declined request is not an error. */
export function describeSessionError(error: unknown): string {
  const code = (error as { code?: number; cause?: { code?: number } } | null)?.code ?? (error as { cause?: { code?: number } })?.cause?.code
  if (code === 4001 || /user rejected|denied/i.test(String((error as Error)?.message))) {
    return 'You declined the signature request in your wallet.'
  }
  return error instanceof Error ? error.message.split('\n')[0]! : 'Signing in failed.'
}
