import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { putJsonDocument } from '#db/content-store'
import { documentSchemas } from '#documents/kinds'
import { useTempDatabase } from '../../test/setup'
import { recordVoteReason, verifiedVoteReasons } from './dao-vote-reasons.server'
import { voteStatementTypedData, type VoteStatement } from '~/dao/vote-statement'

// A vote reason is shown only for a vote cast on chain with the same option by the statement's
// signer; a reason signed by someone else, or by a voter who voted otherwise, is never shown.

const { db } = useTempDatabase()

const ada = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
const bruno = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
const PLUGIN = '0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0'
const chainId = 31337

async function store(signer: typeof ada, claimedVoter: string, statement: VoteStatement) {
  const signature = await signer.signTypedData(voteStatementTypedData(statement))
  const doc = documentSchemas['vote-reason'].parse({ ...statement, voter: claimedVoter, signature })
  const cid = await putJsonDocument(db, doc)
  recordVoteReason(db, { ...statement, voter: claimedVoter, cid })
  return cid
}

describe('vote reasons', () => {
  it('shows a signed reason only beside the vote its signer cast with that option', async () => {
    const base = { chainId, plugin: PLUGIN, proposalId: '7' }
    const adaCid = await store(ada, ada.address, { ...base, option: 'yes', reason: 'Docs matter' })
    // Forged: Bruno signs a reason claiming to be Ada's No; and a reason for a vote Bruno never cast.
    await store(bruno, ada.address, { ...base, option: 'no', reason: 'Forged by Bruno' })
    await store(bruno, bruno.address, { ...base, option: 'abstain', reason: 'I never voted' })

    const votes = [{ voter: ada.address.toLowerCase(), option: 'yes' }]
    expect(await verifiedVoteReasons(db, { ...base, votes })).toEqual({ [ada.address.toLowerCase()]: { reason: 'Docs matter', cid: adaCid } })
    // Had Ada voted No, the (forged) No reason would still not verify, and the Yes one does not match.
    expect(await verifiedVoteReasons(db, { ...base, votes: [{ voter: ada.address.toLowerCase(), option: 'no' }] })).toEqual({})
    // Another proposal of the same plugin sees none of them.
    expect(await verifiedVoteReasons(db, { ...base, proposalId: '8', votes })).toEqual({})
  })
})
