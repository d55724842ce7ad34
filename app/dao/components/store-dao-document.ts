import { storeFormMetadata } from '~/chain-writes/store-form-metadata'

// Stores one of the DAO's documents through POST /ipfs (app/dao/metadata-forms.server.ts) and
// answers its `ipfs://` URI; the server's refusal of a field comes back as an error in words.
export async function storeDaoDocument(intent: 'dao-proposal' | 'dao-action' | 'dao-rejection', fields: Record<string, string>): Promise<string> {
  const form = new FormData()
  form.set('intent', intent)
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  const stored = await storeFormMetadata(form)
  if (stored.ok) return stored.uri
  const errors = Object.values(stored.reply.error ?? {}).flat()
  throw new Error(errors.length > 0 ? errors.join(' ') : 'The document was refused.')
}
