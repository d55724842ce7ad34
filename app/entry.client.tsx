import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { loadTaskWrites } from '~/tasks/components/actions/lazy'
import { loadWalletKitModule } from '~/wallet/wallet-loader'

// A page rendered for a signed-in visitor includes the wallet's UI (and a task page its writes):
// load that code before hydrating, so the first render matches the server's HTML and every
// button works once the page does (root.tsx sets the data attributes).
const { wallet, taskWrites } = document.documentElement.dataset
const ready = Promise.all([
  wallet === 'eager' ? loadWalletKitModule() : null,
  taskWrites === 'eager' ? loadTaskWrites() : null,
]).catch(() => undefined)

void ready.then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  }),
)
