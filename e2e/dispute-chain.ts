import { createPublicClient, createWalletClient, encodeFunctionData, http, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { devnetDeploymentPath, readDeploymentFile } from '../config/deployment'
import { pessimisticActionsAbi, smartAccountAbi, tagVotingAbi } from '../contracts-abi'
import { E2E_RPC_URL, resolveAccount } from './fixtures'
import { storeDocument } from './tasks-chain'

// The Dispute department resolving a dispute, as chain calls: the portal's governance pages for
// department votes are another helper's (H12); here two of the three seeded Dispute members
// (Bruno and Chen) pass a TagVoting proposal whose action makes the department's smart account
// call PessimisticActions.executeAction(account, actionId), executed early on the second Yes.

const DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e'
const YES = 2 // Aragon's VoteOption: 0 none, 1 abstain, 2 yes, 3 no
const publicClient = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) })

export async function resolveDisputeByVote(actionId: bigint, title: string): Promise<void> {
  await executeByDepartmentVote('DISPUTE', [1, 2], actionId, title, 'The Dispute department settles it as the executor asks.')
}

/**
 * A department executes one of its pessimistic actions (a dispute, a draft) by a TagVoting
 * proposal: `voters[0]` proposes and votes Yes, `voters[1]`'s Yes executes it early (2 of 3 tag
 * holders on the devnet: Dispute is Bruno, Chen, Dalia; CoreMember is Ada, Emeka, Chen).
 */
export async function executeByDepartmentVote(
  department: 'DISPUTE' | 'COREMEMBER' | 'EXPERT',
  voters: [number, number],
  actionId: bigint,
  title: string,
  summary: string,
): Promise<void> {
  const deployment = readDeploymentFile(devnetDeploymentPath(DATA_DIR))
  const dispute = deployment?.departments.find((d) => d.name === department)
  const pessimistic = deployment?.contracts.pessimisticActions?.address
  if (!dispute?.tagVoting || !pessimistic) throw new Error(`no ${department} department in the deployment of ${DATA_DIR}`)
  const account = dispute.smartAccount.address
  const run = encodeFunctionData({ abi: pessimisticActionsAbi, functionName: 'executeAction', args: [account, Number(actionId)] })
  const actions = [{ to: account, value: 0n, data: encodeFunctionData({ abi: smartAccountAbi, functionName: 'performCall', args: [pessimistic, 0n, run] }) }]
  const send = async (member: number, write: (wallet: ReturnType<typeof walletOf>) => Promise<`0x${string}`>) => {
    const hash = await write(walletOf(member))
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`Dispute vote transaction ${hash} reverted`)
  }
  const voting = dispute.tagVoting.address
  const metadata = await storeDocument({ title, summary })
  const before = await publicClient.readContract({ address: voting, abi: tagVotingAbi, functionName: 'proposalCount' })
  await send(voters[0], (w) => w.writeContract({ address: voting, abi: tagVotingAbi, functionName: 'createProposal', args: [toHex(metadata), actions, 0n, 0n, 0n, YES, false], chain: foundry }))
  await send(voters[1], (w) => w.writeContract({ address: voting, abi: tagVotingAbi, functionName: 'vote', args: [before, YES, true], chain: foundry }))
}

function walletOf(index: number) {
  return createWalletClient({ account: privateKeyToAccount(resolveAccount(index).privateKey), chain: foundry, transport: http(E2E_RPC_URL) })
}
