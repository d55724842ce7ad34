import { createRequire } from 'node:module'
import {
  concatHex,
  createPublicClient,
  createWalletClient,
  encodeAbiParameters,
  encodeFunctionData,
  getContractAddress,
  http,
  keccak256,
  serializeErc6492Signature,
  toHex,
  type Abi,
  type Hex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { describe, expect, it } from 'vitest'
import { devnetAccounts } from '#devnet/accounts'
import { siweMessage, TestBrowser, useTestPortal } from '~/testing/portal-harness'

// Smart-contract wallets sign in through the RPC: a deployed ERC-1271 wallet, and one that is
// not deployed yet, whose signature carries its factory call (ERC-6492).

const { anvil } = await useTestPortal()
const { action: nonceAction } = await import('~/routes/auth.nonce')
const { action: verifyAction } = await import('~/routes/auth.verify')
const { getAddress } = await import('./auth.server')

const source = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
/// Valid signatures are the owner's signatures of the hash itself (enough for a test).
contract TestSmartWallet {
    address public immutable owner;
    constructor(address owner_) { owner = owner_; }
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return 0xffffffff;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        return ecrecover(hash, v, r, s) == owner ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
    }
}
contract TestSmartWalletFactory {
    function deploy(address owner, bytes32 salt) external returns (address) {
        return address(new TestSmartWallet{salt: salt}(owner));
    }
}`

type Compiled = { abi: Abi; bytecode: Hex }
function compile(): Record<'TestSmartWallet' | 'TestSmartWalletFactory', Compiled> {
  const solc = createRequire(import.meta.url)('solc') as { compile: (input: string) => string }
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: 'Solidity',
        sources: { 'TestSmartWallet.sol': { content: source } },
        settings: { outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
      }),
    ),
  ) as { errors?: { severity: string; formattedMessage: string }[]; contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>> }
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'))
  const contracts = output.contracts['TestSmartWallet.sol']!
  const pick = (name: string): Compiled => ({ abi: contracts[name]!.abi, bytecode: `0x${contracts[name]!.evm.bytecode.object}` })
  return { TestSmartWallet: pick('TestSmartWallet'), TestSmartWalletFactory: pick('TestSmartWalletFactory') }
}

const { TestSmartWallet, TestSmartWalletFactory } = compile()
const owner = privateKeyToAccount(devnetAccounts[3]!.privateKey)
const stranger = privateKeyToAccount(devnetAccounts[4]!.privateKey)
const deployer = createWalletClient({ account: privateKeyToAccount(devnetAccounts[0]!.privateKey), chain: foundry, transport: http(anvil.rpcUrl) })
const chain = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) })

async function deployFactory() {
  const hash = await deployer.deployContract({ abi: TestSmartWalletFactory.abi, bytecode: TestSmartWalletFactory.bytecode })
  return (await chain.waitForTransactionReceipt({ hash })).contractAddress!
}

async function signInAs(walletAddress: `0x${string}`, sign: (message: string) => Promise<Hex>) {
  const browser = new TestBrowser()
  const nonceResponse = await browser.call(nonceAction, '/auth/nonce')
  const { nonce } = (await nonceResponse.json()) as { nonce: string }
  const message = siweMessage({ address: walletAddress, nonce })
  const response = await browser.call(verifyAction, '/auth/verify', { json: { message, signature: await sign(message) } })
  return { status: response.status, body: (await response.json()) as Record<string, string>, browser }
}

describe('smart-contract wallets', () => {
  it('signs in a deployed ERC-1271 wallet with its owner\'s signature, and refuses a stranger\'s', async () => {
    const factory = await deployFactory()
    const salt = keccak256(toHex('deployed'))
    const hash = await deployer.writeContract({ address: factory, abi: TestSmartWalletFactory.abi, functionName: 'deploy', args: [owner.address, salt] })
    await chain.waitForTransactionReceipt({ hash })
    const wallet = walletAddress(factory, salt)
    expect(await chain.getCode({ address: wallet })).not.toBe('0x')

    const signedIn = await signInAs(wallet, (message) => owner.signMessage({ message }))
    expect(signedIn.status).toBe(200)
    expect(signedIn.body).toEqual({ address: wallet })
    expect(await getAddress(signedIn.browser.request('/'))).toBe(wallet)

    const refused = await signInAs(wallet, (message) => stranger.signMessage({ message }))
    expect(refused).toMatchObject({ status: 401, body: { error: `The signature was not made by ${wallet}.` } })
  })

  it('signs in a counterfactual wallet (ERC-6492) before it is deployed', async () => {
    const factory = await deployFactory()
    const salt = keccak256(toHex('counterfactual'))
    const wallet = walletAddress(factory, salt)
    expect(await chain.getCode({ address: wallet })).toBeUndefined()
    const factoryData = encodeFunctionData({ abi: TestSmartWalletFactory.abi, functionName: 'deploy', args: [owner.address, salt] })
    const wrapped = (signer: typeof owner) => async (message: string) =>
      serializeErc6492Signature({ address: factory, data: factoryData, signature: await signer.signMessage({ message }) })

    const signedIn = await signInAs(wallet, wrapped(owner))
    expect(signedIn).toMatchObject({ status: 200, body: { address: wallet } })
    expect(await getAddress(signedIn.browser.request('/'))).toBe(wallet)
    // Verification ran in eth_call: nothing was deployed.
    expect(await chain.getCode({ address: wallet })).toBeUndefined()

    const refused = await signInAs(wallet, wrapped(stranger))
    expect(refused.status).toBe(401)
  })
})

function walletAddress(factory: `0x${string}`, salt: Hex) {
  const initCode = concatHex([TestSmartWallet.bytecode, encodeAbiParameters([{ type: 'address' }], [owner.address])])
  return getContractAddress({ opcode: 'CREATE2', from: factory, salt, bytecode: initCode })
}
