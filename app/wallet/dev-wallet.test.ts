import { createPublicClient, http, parseEther, verifyMessage, verifyTypedData } from 'viem'
import { foundry } from 'viem/chains'
import { connect, disconnect, getConnection, sendTransaction, signMessage, signTypedData, switchChain } from 'wagmi/actions'
import { describe, expect, it } from 'vitest'
import { useAnvil } from '../../test/setup'
import { createWagmiConfig } from './config'
import { getDevWalletAccounts } from './dev-accounts.server'
import { isDevWalletConnector } from './dev-wallet-connector'

// The dev wallet as the portal's pages use it, through wagmi's actions, against a real anvil.

const anvil = await useAnvil()
const accounts = getDevWalletAccounts(31337)
const [, bruno, chen] = accounts as [unknown, (typeof accounts)[number], (typeof accounts)[number]]
const chain = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) })

function devnetConfig() {
  const config = createWagmiConfig({ CHAIN_ID: 31337, RPC_URL: anvil.rpcUrl, WALLETCONNECT_PROJECT_ID: null, DEV_WALLET_ACCOUNTS: accounts })
  const connector = config.connectors.find(isDevWalletConnector)
  if (!connector) throw new Error('no dev wallet connector')
  return { config, connector }
}

describe('dev wallet', () => {
  it('is offered on the devnet only, with the seeded accounts', () => {
    expect(accounts.map((a) => a.name)).toContain('Bruno Costa')
    expect(getDevWalletAccounts(1)).toEqual([])
    expect(getDevWalletAccounts(137)).toEqual([])
    const mainnet = createWagmiConfig({ CHAIN_ID: 1, RPC_URL: null, WALLETCONNECT_PROJECT_ID: null, DEV_WALLET_ACCOUNTS: getDevWalletAccounts(1) })
    expect(mainnet.connectors.some((c) => c.type === 'devWallet')).toBe(false)
  })

  it('connects as the picked account, signs messages and typed data with its key', async () => {
    const { config, connector } = devnetConfig()
    await connector.selectAccount(bruno.address)
    const connection = await connect(config, { connector })
    expect(connection).toEqual({ accounts: [bruno.address], chainId: 31337 })

    const message = 'Sign in to the Openmesh Portal.'
    const signature = await signMessage(config, { message })
    expect(await verifyMessage({ address: bruno.address, message, signature })).toBe(true)
    // Also when the caller names the account (the provider's personal_sign path).
    const named = await signMessage(config, { message, account: bruno.address })
    expect(await verifyMessage({ address: bruno.address, message, signature: named })).toBe(true)

    const typedData = {
      domain: { name: 'Openmesh Portal', version: '1', chainId: 31337 },
      types: { Hello: [{ name: 'to', type: 'address' }] },
      primaryType: 'Hello',
      message: { to: chen.address },
    } as const
    const typedSignature = await signTypedData(config, typedData)
    expect(await verifyTypedData({ address: bruno.address, signature: typedSignature, ...typedData })).toBe(true)
    await disconnect(config)
  })

  it('sends transactions signed in the page', async () => {
    const { config, connector } = devnetConfig()
    await connector.selectAccount(bruno.address)
    await connect(config, { connector })
    const before = await chain.getBalance({ address: chen.address })
    const hash = await sendTransaction(config, { to: chen.address, value: parseEther('0.5') })
    const receipt = await chain.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(receipt.from.toLowerCase()).toBe(bruno.address.toLowerCase())
    expect(await chain.getBalance({ address: chen.address })).toBe(before + parseEther('0.5'))
  })

  it('switches accounts like a wallet does, and only knows the devnet', async () => {
    const { config, connector } = devnetConfig()
    await connector.selectAccount(bruno.address)
    await connect(config, { connector })
    await connector.selectAccount(chen.address)
    expect(getConnection(config).address).toBe(chen.address)
    const signature = await signMessage(config, { message: 'who am I' })
    expect(await verifyMessage({ address: chen.address, message: 'who am I', signature })).toBe(true)
    await expect(connector.selectAccount('0x000000000000000000000000000000000000dEaD')).rejects.toThrow(/not a dev wallet account/)
    await expect(switchChain(config, { chainId: 1 as 31337 })).rejects.toThrow()
  })
})
