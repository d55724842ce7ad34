import type { ActionFunctionArgs } from '@remix-run/node'
import { profileSignatureMessage } from '#documents/profile'
import { getDb } from '~/db.server'
import { jsonError, jsonOk, readJsonBody } from '~/http/responses.server'
import { storeMetadataDocument } from '~/models/content-store.server'
import { readStoredProfileDocument, saveProfile } from '~/models/profiles.server'
import { MAX_PROFILE_BODY_BYTES, profileFormSchema, profileSaveSchema } from '~/profiles/profile-form'
import { requireSignedInMutation } from '~/session/auth.server'
import { getSessionSettings } from '~/session/settings.server'
import { RpcUnavailableError, verifySignature } from '~/session/verify-signature.server'
import { parseAddress } from '~/utils/address-checks'

// POST /contributors/:address/profile — editing a profile, in two steps around the wallet:
//  1. {intent: "prepare", title, description, links}: the form is validated and the
//     `{title, description, links}` document stored; the answer is its URI and the message to sign,
//     `OpenR&D metadata: ipfs://<cid>` (what Openmesh's OpenR&D app signs for a profile);
//  2. {intent: "save", uri, signature}: the signature is checked through the chain (plain keys,
//     ERC-1271 and ERC-6492 wallets, as at sign-in) and the profile replaced.
// Both need the Origin and a session of that very address; the signature must be that address's too.

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return jsonError(405, 'Only POST edits a profile.')
  const address = parseAddress(params.address)
  if (!address) return jsonError(404, 'A contributor is identified by a 0x address (40 hex digits).')
  await requireSignedInMutation(request, { address })
  const body = await readJsonBody(request, MAX_PROFILE_BODY_BYTES)
  const intent = body && typeof body === 'object' ? (body as { intent?: unknown }).intent : undefined

  if (intent === 'prepare') {
    const parsed = profileFormSchema.safeParse(body)
    if (!parsed.success) return Response.json({ error: 'The profile is not valid.', fieldErrors: parsed.error.flatten().fieldErrors }, { status: 400 })
    const { uri } = await storeMetadataDocument('profile', parsed.data)
    return jsonOk({ uri, message: profileSignatureMessage(uri) })
  }

  if (intent === 'save') {
    const parsed = profileSaveSchema.safeParse(body)
    if (!parsed.success) return jsonError(400, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
    const { uri, signature } = parsed.data
    const db = getDb()
    const document = readStoredProfileDocument(db, uri)
    if (!document) return jsonError(400, 'That document is not a profile this portal stored: prepare the profile again.')
    const settings = getSessionSettings()
    let valid: boolean
    try {
      valid = await verifySignature({ rpcUrl: settings.rpcUrl, chainId: settings.chainId, address, message: profileSignatureMessage(uri), signature: signature as `0x${string}` })
    } catch (error) {
      if (!(error instanceof RpcUnavailableError)) throw error
      return jsonError(503, `Cannot check your signature right now (${error.message}); your profile was not changed. Try again in a moment.`)
    }
    if (!valid) return jsonError(403, `The signature was not made by ${address}: the profile was not changed.`)
    saveProfile(db, { address, document, metadataUri: uri, signature })
    return jsonOk({ saved: true, uri })
  }

  return jsonError(400, 'Say what to do: intent "prepare" or "save".')
}

export function loader() {
  return jsonError(405, 'POST a profile to edit it; the profile itself is at /contributors/:address.')
}
