import type { Hex } from 'viem'
import { parseMetadataForm, type MetadataForm } from '~/chain-writes/metadata-forms.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { jsonError } from '~/http/responses.server'
import { getGoverningBodies } from './bodies.server'
import { proposalFormSchema, rejectionFormSchema } from './forms'
import { isSignedBy } from './vote-statement'
import { recordVoteReason } from '~/models/dao-vote-reasons.server'
import { voteReasonDocument } from '#documents/votes'

// The DAO's documents stored through POST /ipfs, by form intent: a proposal's or an optimistic
// action's {title, summary}, a rejection's {reason}, and a vote's signed reason. A vote reason is
// stored only for the signed-in voter's own valid signature of a proposal on one of this chain's
// voting plugins; the page still shows it only once that vote is on chain.

const voteReasonForm: MetadataForm = async ({ formData, address }) => {
  const fields = Object.fromEntries(['plugin', 'proposalId', 'option', 'reason', 'voter', 'signature'].map((k) => [k, String(formData.get(k) ?? '')]))
  const parsed = voteReasonDocument.write.safeParse({ ...fields, chainId: Number(formData.get('chainId')) })
  if (!parsed.success) return jsonError(400, `The vote reason is not valid: ${parsed.error.issues[0]?.message ?? 'bad field'}.`)
  const doc = parsed.data
  if (doc.chainId !== getChainId()) return jsonError(400, `This portal votes on chain ${getChainId()}, not ${doc.chainId}.`)
  if (doc.voter.toLowerCase() !== address.toLowerCase()) return jsonError(403, 'You can only give a reason for your own vote: sign in as the voter.')
  const plugin = doc.plugin.toLowerCase()
  if (!getGoverningBodies(doc.chainId).some((b) => b.plugin === plugin)) return jsonError(404, 'That is not a voting plugin of this portal.')
  const statement = { chainId: doc.chainId, plugin, proposalId: doc.proposalId, option: doc.option as 'yes' | 'no' | 'abstain', reason: doc.reason }
  if (!(await isSignedBy(statement, doc.voter, doc.signature as Hex))) return jsonError(400, 'The signature is not the voter’s signature of this reason.')
  return {
    ok: true,
    chainId: doc.chainId,
    stored: { kind: 'vote-reason', document: doc },
    afterStored: (cid) => recordVoteReason(getDb(), { ...statement, voter: doc.voter.toLowerCase(), cid }),
  }
}

export const daoMetadataForms: ReadonlyMap<string, MetadataForm> = new Map<string, MetadataForm>([
  ['dao-proposal', ({ formData }) => parseMetadataForm(formData, proposalFormSchema, (value) => ({ kind: 'proposal', document: value }))],
  ['dao-action', ({ formData }) => parseMetadataForm(formData, proposalFormSchema, (value) => ({ kind: 'action', document: value }))],
  ['dao-rejection', ({ formData }) => parseMetadataForm(formData, rejectionFormSchema, (value) => ({ kind: 'rejection', document: value }))],
  ['vote-reason', voteReasonForm],
])

