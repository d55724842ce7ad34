import { getAddress, recoverTypedDataAddress, type Hex } from 'viem'

// The statement a voter signs to give a reason for their vote (EIP-712, so the wallet shows its
// fields): the chain (in the domain), the voting plugin, the proposal, the option and the reason.
// Signed before the vote is sent; anyone can check it from the stored document alone.

export type VoteStatement = { chainId: number; plugin: string; proposalId: string; option: 'yes' | 'no' | 'abstain'; reason: string }

const voteStatementTypes = {
  VoteReason: [
    { name: 'plugin', type: 'address' },
    { name: 'proposalId', type: 'uint256' },
    { name: 'option', type: 'string' },
    { name: 'reason', type: 'string' },
  ],
} as const

/** What the wallet is asked to sign (viem / wagmi `signTypedData` parameters). */
export function voteStatementTypedData(statement: VoteStatement) {
  return {
    domain: { name: 'Openmesh Portal vote reason', version: '1', chainId: statement.chainId },
    types: voteStatementTypes,
    primaryType: 'VoteReason' as const,
    message: {
      plugin: getAddress(statement.plugin),
      proposalId: BigInt(statement.proposalId),
      option: statement.option,
      reason: statement.reason,
    },
  }
}

/** Whether `signature` is `voter`'s signature of the statement (EOA signatures: ecrecover). */
export async function isSignedBy(statement: VoteStatement, voter: string, signature: Hex): Promise<boolean> {
  try {
    const signer = await recoverTypedDataAddress({ ...voteStatementTypedData(statement), signature })
    return signer.toLowerCase() === voter.toLowerCase()
  } catch {
    return false
  }
}
