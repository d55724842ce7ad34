import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { expect, it } from 'vitest'
import { DEVNET_MNEMONIC, devnetAccounts } from './accounts'

it('lists anvil’s well-known accounts with their keys, under distinct names', () => {
  expect(devnetAccounts.length).toBeGreaterThanOrEqual(8)
  devnetAccounts.forEach((account, addressIndex) => {
    expect(mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex }).address).toBe(account.address)
    expect(privateKeyToAccount(account.privateKey).address).toBe(account.address)
  })
  expect(new Set(devnetAccounts.map((a) => a.name)).size).toBe(devnetAccounts.length)
})
