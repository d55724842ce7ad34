import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { getDb } from '~/db.server'
import { getChainId, getEnv } from '~/env.server'
import { readCappedFormData } from '~/http/form-body.server'
import { getPortalOrigin } from '~/http/origin.server'
import { getChainNow } from '~/models/chain-time.server'
import {
  createFeedToken,
  getNotificationSettings,
  removeEmail,
  removeWebhook,
  requestEmailConfirmation,
  revokeFeedToken,
  setEmailFrequency,
  setSubscriptions,
  setWebhook,
} from '~/models/notification-settings.server'
import { inboxKindLabels, inboxKinds, type InboxKind } from '~/notifications/kinds'
import { allowPrivateUrls } from '~/notifications/policy.server'
import { isSettingsIntent, MAX_SETTINGS_BODY_BYTES, settingsForms, webhookUrlProblem } from '~/notifications/settings-form.server'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '~/notifications/webhook.server'
import profilesStyles from '~/profiles/profiles.css'
import { requireAddress, requireSignedInMutation } from '~/session/auth.server'

// /notifications — the signed-in person's notifications outside the portal, opt-in per channel
// and per kind: a private Atom feed, a webhook, e-mail digests. Plain forms (no JavaScript needed);
// every post checks the Origin and the session, and its size.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: profilesStyles }]
export const meta: MetaFunction = () => [{ title: 'Notifications · Openmesh Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const address = await requireAddress(request)
  return { address, settings: getNotificationSettings(getDb(), address), emailAvailable: Boolean(getEnv().SMTP_URL), headers: { signature: SIGNATURE_HEADER, timestamp: TIMESTAMP_HEADER } }
}

type ActionResult = { intent: string; message?: string; feedUrl?: string; error?: string }

export async function action({ request }: ActionFunctionArgs) {
  const address = await requireSignedInMutation(request)
  const form = await readCappedFormData(request, MAX_SETTINGS_BODY_BYTES)
  if (form instanceof Response) return form
  const intent = form.get('intent')
  if (!isSettingsIntent(intent)) throw data('Say which setting to change (intent).', { status: 400 })
  const values = Object.fromEntries([...new Set(form.keys())].map((key) => [key, form.getAll(key).length > 1 ? form.getAll(key) : form.get(key)]))
  const parsed = settingsForms[intent].safeParse(values)
  if (!parsed.success) return data<ActionResult>({ intent, error: parsed.error.issues.map((issue) => issue.message).join(' ') }, { status: 400 })
  const value = parsed.data as { kind?: InboxKind[]; url?: string; email?: string; frequency?: 'immediate' | 'hourly' | 'daily' }
  const db = getDb()
  const chainId = getChainId()
  const since = getChainNow(db, chainId) * 1000
  const origin = getPortalOrigin(request).origin

  switch (intent) {
    case 'feed-create': {
      const token = createFeedToken(db, address)
      setSubscriptions(db, address, 'feed', value.kind?.length ? value.kind : [...inboxKinds])
      return { intent, feedUrl: `${origin}/notifications/feed/${token}`, message: 'Your private feed URL is below. Copy it now: it is shown only once.' } satisfies ActionResult
    }
    case 'feed-kinds':
      setSubscriptions(db, address, 'feed', value.kind ?? [])
      return { intent, message: 'Feed kinds saved.' } satisfies ActionResult
    case 'feed-revoke':
      revokeFeedToken(db, address)
      return { intent, message: 'The feed URL no longer works.' } satisfies ActionResult
    case 'webhook-save': {
      const problem = await webhookUrlProblem(value.url!, { allowPrivate: allowPrivateUrls(getEnv()) })
      if (problem) return data<ActionResult>({ intent, error: problem }, { status: 400 })
      setWebhook(db, address, value.url!, { since })
      setSubscriptions(db, address, 'webhook', value.kind ?? [])
      return { intent, message: value.kind?.length ? 'Webhook saved: new items of the chosen kinds are posted to it.' : 'Webhook saved, but no kind is chosen: nothing will be posted.' } satisfies ActionResult
    }
    case 'webhook-remove':
      removeWebhook(db, address)
      setSubscriptions(db, address, 'webhook', [])
      return { intent, message: 'Webhook removed.' } satisfies ActionResult
    case 'email-save': {
      if (!getEnv().SMTP_URL) return data<ActionResult>({ intent, error: 'This portal sends no e-mail (no SMTP server is configured).' }, { status: 400 })
      const current = getNotificationSettings(db, address)
      setEmailFrequency(db, address, value.frequency!)
      setSubscriptions(db, address, 'email', value.kind ?? [])
      if (current.email?.toLowerCase() === value.email!.toLowerCase()) return { intent, message: 'E-mail settings saved.' } satisfies ActionResult
      requestEmailConfirmation(db, { address, email: value.email!, confirmUrl: (token) => `${origin}/notifications/confirm/${token}` })
      return { intent, message: `We sent a confirmation link to ${value.email}. Digests start once you follow it.` } satisfies ActionResult
    }
    case 'email-remove':
      removeEmail(db, address)
      setSubscriptions(db, address, 'email', [])
      return { intent, message: 'E-mail digests stopped.' } satisfies ActionResult
  }
}

function Kinds({ chosen, legend }: { chosen: InboxKind[]; legend: string }) {
  return (
    <fieldset className="kind-choices">
      <legend>{legend}</legend>
      {inboxKinds.map((kind) => (
        <label key={kind}>
          <input type="checkbox" name="kind" value={kind} defaultChecked={chosen.includes(kind)} /> {inboxKindLabels[kind]}
        </label>
      ))}
    </fieldset>
  )
}

function Result({ result, intents }: { result: ActionResult | undefined; intents: string[] }) {
  if (!result || !intents.includes(result.intent)) return null
  return result.error ? (
    <p className="form-error" role="alert">
      {result.error}
    </p>
  ) : (
    <p role="status">{result.message}</p>
  )
}

export default function NotificationSettings() {
  const { settings, emailAvailable, headers } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  return (
    <div>
      <h1>Notifications</h1>
      <p className="muted">
        What your <Link to="/inbox">inbox</Link> shows, delivered outside the portal. Choose per channel which kinds you want; nothing is sent until you do.
      </p>

      <section className="settings-section" aria-labelledby="feed-heading">
        <h2 id="feed-heading">Private Atom feed</h2>
        <p className="muted">A feed only you know the address of, for any feed reader. Anyone with the URL can read it: make a new one (the old one stops working) or turn it off at any time.</p>
        <Result result={result} intents={['feed-create', 'feed-kinds', 'feed-revoke']} />
        {result?.feedUrl ? (
          <p>
            <label htmlFor="feed-url">Your feed URL</label>
            <input id="feed-url" readOnly value={result.feedUrl} className="secret" size={60} />
          </p>
        ) : null}
        <Form method="post">
          <Kinds chosen={settings.hasFeed ? settings.subscriptions.feed : [...inboxKinds]} legend="Kinds in the feed" />
          <div>
            {settings.hasFeed ? (
              <>
                <button type="submit" name="intent" value="feed-kinds">
                  Save feed kinds
                </button>{' '}
                <button type="submit" name="intent" value="feed-create" className="secondary">
                  Make a new feed URL
                </button>{' '}
                <button type="submit" name="intent" value="feed-revoke" className="secondary">
                  Turn the feed off
                </button>
              </>
            ) : (
              <button type="submit" name="intent" value="feed-create">
                Create my feed
              </button>
            )}
          </div>
        </Form>
      </section>

      <section className="settings-section" aria-labelledby="webhook-heading">
        <h2 id="webhook-heading">Webhook</h2>
        <p className="muted">
          Each new item is POSTed as JSON that Discord and Slack incoming webhooks post as a message. Deliveries are signed: <code>{headers.signature}</code> is{' '}
          <code>sha256=</code> the HMAC-SHA256 of <code>{`<${headers.timestamp}>.<body>`}</code> with your signing secret. A failed delivery is retried with growing pauses until it goes through.
        </p>
        <Result result={result} intents={['webhook-save', 'webhook-remove']} />
        <Form method="post">
          <label htmlFor="webhook-url">Webhook URL</label>
          <input id="webhook-url" name="url" type="url" required maxLength={2000} defaultValue={settings.webhookUrl ?? ''} placeholder="https://discord.com/api/webhooks/…" />
          <Kinds chosen={settings.subscriptions.webhook} legend="Kinds to post" />
          <div>
            <button type="submit" name="intent" value="webhook-save">
              Save webhook
            </button>
          </div>
        </Form>
        {settings.webhookUrl ? (
          <>
            <p>
              Signing secret: <span className="secret">{settings.webhookSecret}</span>
            </p>
            {settings.undelivered.webhook > 0 ? (
              <p className="notice" role="note">
                {settings.undelivered.webhook} not delivered yet{settings.undelivered.lastError ? ` (last error: ${settings.undelivered.lastError})` : ''}; they stay queued and are retried.
              </p>
            ) : null}
            <Form method="post">
              <button type="submit" name="intent" value="webhook-remove" className="secondary">
                Remove the webhook
              </button>
            </Form>
          </>
        ) : null}
      </section>

      <section className="settings-section" aria-labelledby="email-heading">
        <h2 id="email-heading">E-mail digests</h2>
        {!emailAvailable ? (
          <p className="muted">This portal sends no e-mail: its operator has not configured an SMTP server (SMTP_URL).</p>
        ) : (
          <>
            <p className="muted">
              {settings.email ? `Digests go to ${settings.email}.` : 'No address confirmed yet.'}
              {settings.pendingEmail ? ` Waiting for you to follow the link sent to ${settings.pendingEmail}.` : ''}
            </p>
            <Result result={result} intents={['email-save', 'email-remove']} />
            <Form method="post">
              <label htmlFor="email">E-mail address</label>
              <input id="email" name="email" type="email" required maxLength={254} defaultValue={settings.email ?? settings.pendingEmail ?? ''} autoComplete="email" />
              <label htmlFor="frequency">How often</label>
              <select id="frequency" name="frequency" defaultValue={settings.emailFrequency}>
                <option value="immediate">As things happen (what arrives together comes in one e-mail)</option>
                <option value="hourly">At most hourly</option>
                <option value="daily">At most daily</option>
              </select>
              <Kinds chosen={settings.subscriptions.email} legend="Kinds to e-mail" />
              <div>
                <button type="submit" name="intent" value="email-save">
                  Save e-mail settings
                </button>
              </div>
            </Form>
            {settings.email || settings.pendingEmail ? (
              <Form method="post">
                <button type="submit" name="intent" value="email-remove" className="secondary">
                  Stop e-mail digests
                </button>
              </Form>
            ) : null}
          </>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
