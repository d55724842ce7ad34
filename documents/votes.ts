import { z } from 'zod'
import { defineDocument, readText } from './fields'

// A voter's reason for a vote: the real TokenVoting/TagVoting keep no reason on chain, so the
// portal stores a statement the voter signed (EIP-712, app/dao/vote-statement.ts) as a
// content-addressed document. Everything needed to check it is in the document itself: the
// chain, plugin, proposal, option and reason that were signed, the signer and the signature.
// It is shown only when the signature recovers to `voter` and `voter` cast that option on chain.

export const VOTE_REASON_MAX = 2_000

const lenient = <T>(read: (value: unknown) => T | undefined) => z.unknown().transform((value) => read(value))
const pattern = (regex: RegExp, max: number) => (value: unknown) => (typeof value === 'string' && value.length <= max && regex.test(value) ? value : undefined)

const address = /^0x[0-9a-fA-F]{40}$/
const decimal = /^[0-9]{1,78}$/
const option = /^(yes|no|abstain)$/
const signature = /^0x[0-9a-fA-F]{130}$/

function exact(regex: RegExp, max: number, message: string) {
  return { write: z.string().regex(regex, message).max(max), read: lenient(pattern(regex, max)) }
}

export const voteReasonDocument = defineDocument({
  chainId: { write: z.number().int().positive(), read: lenient((v) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined)) },
  plugin: exact(address, 42, 'The voting plugin is an address'),
  proposalId: exact(decimal, 78, 'A proposal id is a whole number'),
  option: exact(option, 7, 'The option is yes, no or abstain'),
  reason: { write: z.string().trim().min(1, 'Write a reason, or vote without one').max(VOTE_REASON_MAX), read: lenient((v) => readText(v, VOTE_REASON_MAX)) },
  voter: exact(address, 42, 'The voter is an address'),
  signature: exact(signature, 132, 'The signature is 65 bytes of hex'),
})
