import { useId } from 'react'
import { useConnection } from 'wagmi'
import { shortAddress } from '~/utils/address'
import { isDevWalletConnector } from './dev-wallet-connector'

/** While the dev wallet is connected: switch the account it acts as, like switching accounts in a real wallet. */
export function DevAccountPicker() {
  const { connector, address, status } = useConnection()
  const id = useId()
  if (status !== 'connected' || !isDevWalletConnector(connector) || !address) return null
  return (
    <span className="dev-account-picker">
      <label htmlFor={id} className="visually-hidden">
        Dev account
      </label>
      <select id={id} value={address} onChange={(event) => void connector.selectAccount(event.target.value as `0x${string}`)}>
        {connector.devAccounts.map((account) => (
          <option key={account.address} value={account.address}>
            {account.name} ({shortAddress(account.address)})
          </option>
        ))}
      </select>
    </span>
  )
}
