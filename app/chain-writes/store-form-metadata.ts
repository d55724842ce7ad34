import type { SubmissionResult } from '@conform-to/react'

// The browser's half of POST /ipfs: sends a form (already valid in the browser) for the server
// to validate with the same schema and store its metadata document. A refused form comes back
// with its field errors, shown on the form like any server validation.

export type StoreResult = { ok: true; uri: string; cid: string } | { ok: false; reply: SubmissionResult<string[]> }

export async function storeFormMetadata(formData: FormData): Promise<StoreResult> {
  const response = await fetch('/ipfs', { method: 'POST', body: formData, headers: { Accept: 'application/json' } })
  const body = (await response.json().catch(() => null)) as
    | { uri: string; cid: string }
    | { reply: SubmissionResult<string[]> }
    | { error: string }
    | null
  if (response.ok && body && 'uri' in body) return { ok: true, uri: body.uri, cid: body.cid }
  if (response.status === 400 && body && 'reply' in body) return { ok: false, reply: body.reply }
  throw new Error(body && 'error' in body ? body.error : `Storing the metadata failed (HTTP ${response.status}).`)
}
