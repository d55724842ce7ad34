import { createPublicClient, http, parseEther, UserRejectedRequestError, zeroAddress, type Address } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { beforeAll, describe, expect, it } from 'vitest'
import { tasksAbi } from '#contracts-abi/Tasks'
import { devnetAccounts } from '#devnet/accounts'
import { deployPortal } from '#devnet/deploy'
import { useAnvil } from '../../test/setup'
import { contractWrite, withTokenErrors } from './use-tx-flow'
import { contractErrorMessages, describeErrorName, describeWriteError } from './write-errors'

// Reverts from a real Tasks contract on anvil, decoded the way the browser's write flow does
// (simulate with the contract's ABI plus the ERC-20 errors), then put into words.

const anvil = await useAnvil()
const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) })
const ada = privateKeyToAccount(devnetAccounts[0]!.privateKey)
let tasks: Address
let openToken: Address

beforeAll(async () => {
  const deployment = await deployPortal({ rpcUrl: anvil.rpcUrl })
  tasks = deployment.contracts.tasks.address
  openToken = deployment.contracts.openToken!.address
})

/** What the user reads when this call is refused. */
async function refusal(write: ReturnType<typeof contractWrite>, account: Address = ada.address): Promise<string> {
  const full = withTokenErrors(write)
  try {
    await client.simulateContract({ ...full, account } as never)
  } catch (error) {
    return describeWriteError(error)
  }
  throw new Error('the call did not revert')
}

const deadline = BigInt(Math.floor(Date.now() / 1000) + 86_400)

describe('contract errors in words', () => {
  it('has words for every custom error the Tasks ABI declares', () => {
    const names = tasksAbi.filter((item) => item.type === 'error').map((item) => item.name)
    expect(names.length).toBeGreaterThanOrEqual(30)
    for (const name of names) expect(describeErrorName(name), name).toBeDefined()
    expect(Object.values(contractErrorMessages).every((text) => text.endsWith('.'))).toBe(true)
  })

  it('a reward above the budget', async () => {
    const write = contractWrite(
      tasksAbi,
      tasks,
      'createTask',
      ['ipfs://x', deadline, ada.address, ada.address, [], [{ applicant: devnetAccounts[1]!.address, nativeReward: [{ to: devnetAccounts[1]!.address, amount: parseEther('2') }], reward: [] }]],
      parseEther('1'),
    )
    expect(await refusal(write)).toBe('The reward is above the budget — increase the budget first.')
  })

  it('a task that does not exist', async () => {
    expect(await refusal(contractWrite(tasksAbi, tasks, 'acceptApplications', [999n, [0]]))).toBe('This task does not exist on this chain.')
  })

  it('an ERC-20 budget without an approval (the token’s own error)', async () => {
    const write = contractWrite(tasksAbi, tasks, 'createTask', ['ipfs://x', deadline, ada.address, ada.address, [{ tokenContract: openToken, amount: parseEther('5') }], []])
    expect(await refusal(write)).toBe('The token allowance is too low — approve the budget amount first.')
  })

  it('a rejected signature and an unknown revert', () => {
    const rejected = new UserRejectedRequestError(new Error('User rejected the request.'))
    expect(describeWriteError(rejected)).toBe('You rejected the request in your wallet.')
    expect(describeWriteError('nope')).toBe('The transaction failed.')
    const notConnected = Object.assign(new Error('Connector not connected.'), { name: 'ConnectorNotConnectedError' })
    expect(describeWriteError(notConnected)).toBe('Connect your wallet first (the button at the top right).')
    expect(describeWriteError(new Error(zeroAddress))).toBe(zeroAddress)
  })
})
