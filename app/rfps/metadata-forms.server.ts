import { parseWithZod } from '@conform-to/zod'
import { parseMetadataForm, type MetadataForm } from '~/chain-writes/metadata-forms.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { jsonError } from '~/http/responses.server'
import { getChainNow } from '~/models/chain-time.server'
import { getKnownTokens } from '~/models/known-tokens.server'
import { getRfp } from '~/models/rfps.server'
import { getRpcClient } from '~/models/rpc-client.server'
import { budgetDecimals } from '~/tasks/decimals'
import { budgetFieldErrors, resolveBudgetTokens, type TokenReader } from './budget-tokens'
import { createRfpSchema, rfpDocumentOf, submitProjectSchema } from './forms'

// The RFP forms that store a metadata document through POST /ipfs, by intent, each parsed with
// the schema the browser used. A form naming a chain the portal does not serve is refused before
// anything is read; an RFP's budget tokens are read on chain (no code, no decimals(), too many
// decimals → field errors, nothing stored); a project names an RFP that must exist and be open.

function servedChain(formData: FormData): Response | null {
  const chainId = Number(formData.get('chainId'))
  if (!Number.isSafeInteger(chainId) || chainId !== getChainId()) {
    return jsonError(400, `This portal serves chain ${getChainId()}, not "${String(formData.get('chainId') ?? '').slice(0, 20)}": nothing was stored.`)
  }
  return null
}

/** The chain reads resolveBudgetTokens needs, from the web process's RPC client. */
function serverTokenReader(): TokenReader {
  const client = getRpcClient()
  return {
    getCode: ({ address }) => client.getCode({ address }),
    readContract: (args) => client.readContract(args),
  }
}

function createRfpForm(reader: () => TokenReader): MetadataForm {
  return async ({ formData }) => {
    const wrongChain = servedChain(formData)
    if (wrongChain) return wrongChain
    const submission = parseWithZod(formData, { schema: createRfpSchema })
    if (submission.status !== 'success') return { ok: false, reply: submission.reply() }
    const resolved = await resolveBudgetTokens(reader(), submission.value.budget)
    if (!resolved.ok) return { ok: false, reply: submission.reply({ fieldErrors: budgetFieldErrors(resolved.problems) }) }
    return { ok: true, chainId: submission.value.chainId, stored: rfpDocumentOf(submission.value) }
  }
}

const submitProject: MetadataForm = ({ formData }) => {
  const wrongChain = servedChain(formData)
  if (wrongChain) return wrongChain
  const chainId = getChainId()
  const rfpId = Number(formData.get('rfpId'))
  const db = getDb()
  const rfp = Number.isSafeInteger(rfpId) && rfpId >= 0 ? getRfp(db, { chainId, rfpId }) : null
  if (!rfp) return jsonError(404, `There is no RFP ${String(formData.get('rfpId') ?? '').slice(0, 20)} on chain ${chainId}.`)
  if (rfp.emptied || rfp.deadline <= getChainNow(db, chainId)) return jsonError(409, 'This RFP no longer takes projects.')
  const tokens = rfp.budget.map((b) => b.tokenContract)
  return parseMetadataForm(formData, submitProjectSchema(budgetDecimals(tokens, getKnownTokens(db, chainId, tokens))), rfpDocumentOf)
}

export const rfpMetadataForms: ReadonlyMap<string, MetadataForm> = new Map<string, MetadataForm>([
  ['create-rfp', createRfpForm(serverTokenReader)],
  ['submit-project', submitProject],
])
