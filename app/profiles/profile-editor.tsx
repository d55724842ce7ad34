import { lazy, Suspense } from 'react'
import { useWallet, WalletIsland } from '~/wallet/wallet-root'
import type { ProfileView } from './present-profile.server'

// The profile editor as the profile page uses it: its form signs with the wallet, so its code
// (wagmi, conform) comes with the wallet's, inside a wallet island, and a visitor's first load of
// someone's profile carries none of it. Only the owner, signed in, is shown the editor, and a page
// rendered for a signed-in visitor has the wallet from the start (wallet-root.tsx).

const ProfileEditorForm = lazy(() => import('./profile-editor-form'))

export function ProfileEditor({ address, profile }: { address: `0x${string}`; profile: ProfileView | null }) {
  const wallet = useWallet()
  const waiting = <p className="muted">{wallet?.failed ? 'Editing your profile needs your wallet, which could not load on this page.' : 'Loading the profile editor…'}</p>
  return (
    <WalletIsland signedInOnly fallback={waiting}>
      {() => (
        <Suspense fallback={waiting}>
          <ProfileEditorForm address={address} profile={profile} />
        </Suspense>
      )}
    </WalletIsland>
  )
}
