import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { loadWalletKitModule } from '~/wallet/wallet-loader'

// A page rendered for a signed-in visitor includes the wallet's UI: load its code before
// hydrating, so the first render matches the server's HTML (root.tsx sets data-wallet).
const walletReady = document.documentElement.dataset.wallet === 'eager' ? loadWalletKitModule().catch(() => undefined) : null

void Promise.resolve(walletReady).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  }),
)
