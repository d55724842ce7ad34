import { useEffect, useId, useState } from 'react'
import { useConnect, useConnectors, type Connector } from 'wagmi'
import { shortAddress } from '~/utils/address'
import { isDevWalletConnector, type DevWalletConnector } from './dev-wallet-connector'
import { describeSessionError } from './use-session'
import { useTakeConnectRequest, type ConnectMenuPlace } from './connect-requests'

/**
 * "Connect wallet": every wallet the browser announced (EIP-6963, by name and icon), a plain
 * injected wallet when none did, WalletConnect when configured, and on the devnet the dev
 * wallet with its account picker. The list is only rendered once opened, in the browser, so
 * the server's HTML never depends on which extensions the visitor has.
 */
export function ConnectMenu({ label = 'Connect wallet', place = 'header' }: { label?: string; place?: ConnectMenuPlace }) {
  const [open, setOpen] = useState(false)
  // Opened at once when the visitor's click on this place's Connect is what loaded the wallet.
  const takeConnectRequest = useTakeConnectRequest()
  useEffect(() => {
    if (takeConnectRequest?.(place)) setOpen(true)
  }, [takeConnectRequest, place])
  const menuId = useId()
  return (
    <div className="connect-menu" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open ? <ConnectorList id={menuId} onConnected={() => setOpen(false)} /> : null}
    </div>
  )
}

function ConnectorList({ id, onConnected }: { id: string; onConnected: () => void }) {
  const connectors = useConnectors()
  const connect = useConnect()
  const announced = connectors.filter((c) => c.type === 'injected' && c.id !== 'injected')
  const plainInjected = connectors.find((c) => c.id === 'injected')
  const hasWindowEthereum = typeof window !== 'undefined' && Boolean((window as { ethereum?: unknown }).ethereum)
  const others = connectors.filter((c) => c.type !== 'injected' && !isDevWalletConnector(c))
  const dev = connectors.find(isDevWalletConnector)
  const shown = [...announced, ...(announced.length === 0 && hasWindowEthereum && plainInjected ? [plainInjected] : []), ...others]

  const choose = (connector: Connector) => connect.mutate({ connector }, { onSuccess: onConnected })
  return (
    <div id={id} className="connect-menu-list" role="group" aria-label="Choose a wallet">
      {shown.map((connector) => (
        <button
          type="button"
          key={connector.uid}
          className="secondary connector"
          disabled={connect.isPending}
          onClick={() => choose(connector)}
        >
          <ConnectorIcon icon={connector.icon} />
          {connector.id === 'injected' ? 'Browser wallet' : connector.name}
        </button>
      ))}
      {dev ? <DevWalletChoice connector={dev} disabled={connect.isPending} onChoose={choose} /> : null}
      {shown.length === 0 && !dev ? (
        <p className="muted">No wallet found: install a browser wallet{' '}or use one that supports WalletConnect.</p>
      ) : null}
      {connect.error ? (
        <p className="field-error" role="alert">
          {describeSessionError(connect.error)}
        </p>
      ) : null}
    </div>
  )
}

function DevWalletChoice({ connector, disabled, onChoose }: { connector: DevWalletConnector; disabled: boolean; onChoose: (c: Connector) => void }) {
  const [account, setAccount] = useState(connector.devAccounts[0]?.address ?? '')
  const selectId = useId()
  return (
    <div className="dev-wallet-choice">
      <label htmlFor={selectId}>Dev account (devnet only)</label>
      <select id={selectId} value={account} onChange={(event) => setAccount(event.target.value)}>
        {connector.devAccounts.map((a) => (
          <option key={a.address} value={a.address}>
            {a.name} ({shortAddress(a.address)})
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary connector"
        disabled={disabled}
        onClick={async () => {
          await connector.selectAccount(account as `0x${string}`)
          onChoose(connector)
        }}
      >
        <ConnectorIcon icon={connector.icon} />
        Connect dev wallet
      </button>
    </div>
  )
}

function ConnectorIcon({ icon }: { icon: string | undefined }) {
  // EIP-6963 icons are data URIs; an <img> never runs script from an SVG, other schemes are dropped.
  if (!icon || !/^data:image\/(svg\+xml|png|webp|jpeg|gif)[;,]/.test(icon)) return null
  return <img src={icon} alt="" width={20} height={20} />
}
