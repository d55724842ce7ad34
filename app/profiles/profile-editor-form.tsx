import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { useRevalidator } from '@remix-run/react'
import { useState } from 'react'
import { isAddressEqual } from 'viem'
import { useConnection, useSignMessage } from 'wagmi'
import { FieldErrors, FormErrors } from '~/components/form-fields'
import { describeSessionError } from '~/wallet/use-session'
import { profileFormSchema, type ProfileFormValue } from './profile-form'
import type { ProfileView } from './present-profile.server'

// Editing one's own profile (wagmi's part, loaded with the wallet: ./profile-editor.tsx): the form is validated in the browser and on the server, the server
// stores the document and says what to sign, the wallet signs `OpenR&D metadata: ipfs://<cid>`,
// and the server checks that signature before saving. Without a connected wallet of the profile's
// own address there is nothing to sign with, and the form says so.

const LINK_ROWS = 5

type Step = 'idle' | 'storing' | 'signing' | 'saving' | 'saved'

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  let response: Response
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
  } catch {
    throw new Error('The portal could not be reached; check your connection and try again.')
  }
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null
  if (!response.ok) throw Object.assign(new Error(typeof payload?.error === 'string' ? payload.error : `The portal answered ${response.status}.`), { fieldErrors: payload?.fieldErrors })
  return payload ?? {}
}

export default function ProfileEditorForm({ address, profile }: { address: `0x${string}`; profile: ProfileView | null }) {
  const connection = useConnection()
  const signMessage = useSignMessage()
  const revalidator = useRevalidator()
  const [step, setStep] = useState<Step>('idle')
  const [error, setError] = useState<string | null>(null)
  const path = `/contributors/${address}/profile`
  const walletMatches = connection.address !== undefined && isAddressEqual(connection.address, address)

  const [form, fields] = useForm({
    id: 'profile',
    defaultValue: {
      title: profile?.title ?? '',
      description: profile?.description ?? '',
      links: Array.from({ length: LINK_ROWS }, (_, i) => profile?.links[i] ?? { name: '', url: '' }),
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileFormSchema }),
    onSubmit(event, { submission }) {
      event.preventDefault()
      if (submission?.status !== 'success' || (step !== 'idle' && step !== 'saved')) return
      void save(submission.value)
    },
  })

  async function save(value: ProfileFormValue) {
    setError(null)
    try {
      setStep('storing')
      const prepared = await post(path, { intent: 'prepare', ...value })
      setStep('signing')
      const signature = await signMessage.mutateAsync({ message: String(prepared.message), account: address })
      setStep('saving')
      await post(path, { intent: 'save', uri: prepared.uri, signature })
      setStep('saved')
      revalidator.revalidate()
    } catch (caught) {
      setStep('idle')
      setError(describeSessionError(caught))
    }
  }

  const links = fields.links.getFieldList()
  const busy = step === 'storing' || step === 'signing' || step === 'saving'
  return (
    <form method="post" {...getFormProps(form)} className="profile-editor" aria-label="Edit your profile">
      <div className="field">
        <label htmlFor={fields.title.id}>Display name</label>
        <input {...getInputProps(fields.title, { type: 'text' })} key={fields.title.key} autoComplete="nickname" />
        <FieldErrors meta={fields.title} />
      </div>
      <div className="field">
        <label htmlFor={fields.description.id}>Bio</label>
        <textarea {...getTextareaProps(fields.description)} key={fields.description.key} rows={6} />
        <p className="hint">Markdown. Shown on your profile; scripts, images and styles are removed.</p>
        <FieldErrors meta={fields.description} />
      </div>
      <fieldset className="profile-links">
        <legend>Links</legend>
        {links.map((link, index) => {
          const row = link.getFieldset()
          return (
            <div className="profile-link-row" key={link.key}>
              <label htmlFor={row.name.id} className="visually-hidden">Link {index + 1} name</label>
              <input {...getInputProps(row.name, { type: 'text' })} key={row.name.key} placeholder="Name" />
              <label htmlFor={row.url.id} className="visually-hidden">Link {index + 1} URL</label>
              <input {...getInputProps(row.url, { type: 'url' })} key={row.url.key} placeholder="https://…" />
              <FieldErrors meta={row.name} />
              <FieldErrors meta={row.url} />
            </div>
          )
        })}
        <FieldErrors meta={fields.links} />
      </fieldset>
      <FormErrors errors={form.errors} id={form.errorId} />
      {!walletMatches ? (
        <p className="notice" role="note">
          Connect the wallet of {address} to sign your profile.
        </p>
      ) : null}
      <button type="submit" disabled={busy || !walletMatches}>
        {step === 'storing' ? 'Storing…' : step === 'signing' ? 'Check your wallet…' : step === 'saving' ? 'Checking the signature…' : 'Sign and save profile'}
      </button>
      <p className="hint">Your wallet signs “OpenR&amp;D metadata: ipfs://…”, the same message Openmesh’s OpenR&amp;D app uses, so the profile is yours wherever it is read.</p>
      {step === 'saved' ? <p role="status">Profile saved.</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
