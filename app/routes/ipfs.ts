import type { ActionFunctionArgs } from '@remix-run/node'
import { getChainId } from '~/env.server'
import { requireSameOrigin } from '~/http/origin.server'
import { readCappedFormData } from '~/http/form-body.server'
import { jsonError, noStore } from '~/http/responses.server'
import { storeMetadataDocument } from '~/models/content-store.server'
import { chargeDocumentTo, DocumentQuotaError } from '~/models/document-quota.server'
import { getAddress } from '~/session/auth.server'
import { taskMetadataForms } from '~/tasks/metadata-forms.server'

// POST /ipfs — validates a form with the same schema the browser used and stores the form's
// metadata document in the content store; answers its CID, which the browser then writes on
// chain as `ipfs://<cid>`. Same-origin and signed-in only, the body size-capped. Which forms
// can store and how each is validated lives beside the forms (app/tasks/metadata-forms.server.ts).
// A form that fails validation gets 400 with conform's reply (its field errors); an address past
// its daily document quota gets 429.

const MAX_BODY_BYTES = 300 * 1024

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return jsonError(405, 'Only POST stores documents.')
  requireSameOrigin(request)
  const address = await getAddress(request)
  if (!address) return jsonError(401, 'Sign in with your wallet to store a document.')
  const formData = await readCappedFormData(request, MAX_BODY_BYTES)
  if (formData instanceof Response) return formData

  const intent = String(formData.get('intent') ?? '')
  const form = taskMetadataForms.get(intent)
  if (!form) return jsonError(400, 'The form does not say what it is for (intent).')
  const result = await form({ formData, address })
  if (result instanceof Response) return result
  if (!result.ok) return Response.json({ intent, reply: result.reply }, { status: 400, headers: noStore })
  if (result.chainId !== null && result.chainId !== getChainId()) {
    return jsonError(400, `This portal writes to chain ${getChainId()}, not ${result.chainId}.`)
  }
  try {
    const { cid, uri } = await storeMetadataDocument(result.stored.kind, result.stored.document, { charge: chargeDocumentTo(address) })
    return Response.json({ cid, uri }, { status: 201, headers: noStore })
  } catch (error) {
    if (error instanceof DocumentQuotaError) {
      return Response.json({ error: error.message }, { status: 429, headers: { ...noStore, 'Retry-After': String(error.retryAfterSeconds) } })
    }
    return jsonError(400, `The document was not stored: ${(error as Error).message}`)
  }
}
