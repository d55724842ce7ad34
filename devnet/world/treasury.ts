import { maxUint256, parseEther, parseUnits } from 'viem'
import { devnetUSDCAbi, openTokenAbi } from '../../contracts-abi'
import { devnetAccounts } from '../accounts'
import type { WorldKit } from './kit'

// Money where the world needs it. The deployer (Ada, account 0) holds the initial OPEN and USDC
// supply: the Openmesh DAO's treasury gets ETH and OPEN (its proposals spend them), the CoreMember
// and Expert smart accounts a budget for the tasks their votes and optimistic actions create, the
// Dispute smart account gas for its genesis, every contributor OPEN and USDC, approved to Tasks and
// RFPs as the frontends ask before a budget moves.

export async function seedTreasury(kit: WorldKit): Promise<void> {
  const { topology: t, send, transfer, address } = kit
  const { dispute, coreMember, expert } = t.departments
  await transfer(0, t.openmeshDao.address, parseEther('25'), 'treasury: ETH to the Openmesh DAO')
  await send(0, t.openToken.address, openTokenAbi, 'transfer', [t.openmeshDao.address, parseEther('100000')], { label: 'treasury: OPEN to the Openmesh DAO' })
  for (const [department, eth, open] of [[coreMember, '10', '20000'], [expert, '5', '5000'], [dispute, '1', '0']] as const) {
    await transfer(0, department.smartAccount.address, parseEther(eth), `treasury: ETH to ${department.name}`)
    if (open !== '0') await send(0, t.openToken.address, openTokenAbi, 'transfer', [department.smartAccount.address, parseEther(open)])
  }
  for (let i = 1; i < devnetAccounts.length; i++) {
    await send(0, t.openToken.address, openTokenAbi, 'transfer', [address(i), parseEther('50000')])
    await send(0, t.usdc.address, devnetUSDCAbi, 'transfer', [address(i), parseUnits('10000', 6)])
  }
  for (let i = 0; i < devnetAccounts.length; i++) {
    for (const spender of [t.tasks.address, t.rfps.address]) {
      await send(i, t.openToken.address, openTokenAbi, 'approve', [spender, maxUint256])
      await send(i, t.usdc.address, devnetUSDCAbi, 'approve', [spender, maxUint256])
    }
  }
}
