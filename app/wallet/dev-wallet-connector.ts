import { ChainNotConfiguredError, createConnector, type Connector } from 'wagmi'
import { createWalletClient, custom, getAddress, isAddressEqual, SwitchChainError, type Address } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createDevWalletProvider, type DevWalletAccount, type DevWalletProvider } from './dev-wallet-provider'

// A wagmi connector for the local devnet: pick one of the seeded contributors and act as them,
// with no browser extension. config.ts only adds it when the server offered devnet accounts.

type Properties = {
  /** The accounts this wallet can act as. */
  devAccounts: readonly DevWalletAccount[]
  /** Switches the wallet's account (and tells wagmi, as a real wallet's accountsChanged would). */
  selectAccount(address: Address): Promise<void>
}
type StorageItem = { 'devWallet.account': Address; 'devWallet.connected': boolean }

export type DevWalletConnector = Connector & Properties

/**
 * True for the live dev wallet connector. A connection restored from wagmi's cookie (during
 * server rendering and reconnecting) carries only a stub {id, name, type, uid}: not this.
 */
export function isDevWalletConnector(connector: Connector | undefined): connector is DevWalletConnector {
  return connector?.type === devWallet.type && 'selectAccount' in connector && Array.isArray(connector.devAccounts)
}

const icon =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="6" fill="#3ecf8e"/><path d="M7 8h7a3 3 0 0 1 3 3v2a3 3 0 0 1-3 3H7z" fill="#0b1020"/></svg>',
  )

devWallet.type = 'devWallet' as const

export function devWallet(parameters: { accounts: readonly DevWalletAccount[]; rpcUrl?: string }) {
  let selected: DevWalletAccount | undefined
  let connected = false

  return createConnector<DevWalletProvider, Properties, StorageItem>((config) => {
    const chain = config.chains[0]
    const rpcUrl = parameters.rpcUrl ?? chain.rpcUrls.default.http[0] ?? 'http://127.0.0.1:8545'
    const provider = createDevWalletProvider({ chain, rpcUrl, getAccount: () => (connected ? selected : undefined) })
    const find = (address: string | null | undefined) =>
      address ? parameters.accounts.find((account) => isAddressEqual(account.address, address as Address)) : undefined

    async function restoreSelection(): Promise<DevWalletAccount> {
      const stored = await config.storage?.getItem('devWallet.account')
      selected = find(stored) ?? selected ?? parameters.accounts[0]
      if (!selected) throw new Error('The dev wallet has no accounts.')
      return selected
    }

    return {
      id: 'devWallet',
      name: 'Dev wallet',
      type: devWallet.type,
      icon,
      devAccounts: parameters.accounts,

      async connect({ withCapabilities } = {}) {
        const account = await restoreSelection()
        connected = true
        await config.storage?.setItem('devWallet.connected', true)
        const accounts = withCapabilities ? [{ address: account.address, capabilities: {} }] : [account.address]
        return { accounts: accounts as never, chainId: chain.id }
      },
      async disconnect() {
        connected = false
        await config.storage?.removeItem('devWallet.connected')
      },
      async getAccounts() {
        return connected && selected ? [selected.address] : []
      },
      async getChainId() {
        return chain.id
      },
      async getProvider() {
        return provider
      },
      async getClient() {
        const account = selected ?? (await restoreSelection())
        return createWalletClient({ account: privateKeyToAccount(account.privateKey), chain, transport: custom(provider) })
      },
      async isAuthorized() {
        return Boolean(await config.storage?.getItem('devWallet.connected'))
      },
      async switchChain({ chainId }) {
        if (chainId !== chain.id) throw new SwitchChainError(new ChainNotConfiguredError())
        return chain
      },
      async selectAccount(address) {
        const account = find(address)
        if (!account) throw new Error(`${address} is not a dev wallet account.`)
        selected = account
        await config.storage?.setItem('devWallet.account', account.address)
        if (connected) config.emitter.emit('change', { accounts: [account.address] })
      },
      onAccountsChanged(accounts) {
        if (accounts.length === 0) this.onDisconnect()
        else config.emitter.emit('change', { accounts: accounts.map((a) => getAddress(a)) })
      },
      onChainChanged(chainId) {
        config.emitter.emit('change', { chainId: Number(chainId) })
      },
      onDisconnect() {
        connected = false
        config.emitter.emit('disconnect')
      },
    }
  })
}
