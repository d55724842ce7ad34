import { useNavigate } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { parseEventLogs } from 'viem'
import { optimisticActionsAbi } from '#contracts-abi/OptimisticActions'
import { tokenVotingAbi } from '#contracts-abi/TokenVoting'
import { TxProgress } from '~/chain-writes/tx-progress'
import { useTxFlow } from '~/chain-writes/use-tx-flow'
import type { WriteTarget } from '~/chain-writes/write-context'
import { proposalFormSchema } from '../forms'
import { buildActions, templateLabels, templatesFor, type Purpose, type TemplateKind, type TemplateValues } from '../writes/action-templates'
import type { DaoBodyTarget, DaoContracts, FormChoices } from '../writes/dao-contracts'
import { createOptimisticStep, createProposalStep } from '../writes/governance-calls'
import { storeDaoDocument } from './store-dao-document'

// A new proposal (on the body's voting plugin) or optimistic action, with {title, summary} as the
// ovc-frontend writes it and at most one templated action. Before anything is signed the page
// says in words what the action does, with its raw calldata behind a toggle; once indexed, the
// browser opens the new proposal's or action's page.

export function NewGovernanceForm({
  contracts,
  body,
  purpose,
  target,
  choices,
  prefill,
}: {
  contracts: DaoContracts
  body: DaoBodyTarget
  purpose: Purpose
  target: WriteTarget
  choices: FormChoices
  prefill?: { title: string; to: string }
}) {
  const flow = useTxFlow(target)
  const navigate = useNavigate()
  const templates = templatesFor(body, purpose)
  const [title, setTitle] = useState(prefill?.title ?? '')
  const [summary, setSummary] = useState('')
  const [kind, setKind] = useState<TemplateKind>(templates[0]!)
  const [fields, setFields] = useState<Record<string, string>>(prefill?.to ? { to: prefill.to } : {})
  const [error, setError] = useState<string | null>(null)
  const set = (name: string) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: event.target.value }))

  const token = choices.tokens.find((t) => t.address === (fields.token ?? choices.tokens[0]?.address))
  const values: TemplateValues = {
    kind,
    ...fields,
    token: token?.address,
    tokenDecimals: token?.decimals,
    tokenSymbol: token?.symbol,
    to: kind === 'burnOvc' ? choices.members.find((m) => m.tokenId === fields.tokenId)?.address : fields.to,
    names: choices.names,
  }
  const preview = useMemo(() => {
    try {
      return { built: buildActions(contracts, body, purpose, values), problem: null }
    } catch (e) {
      return { built: [], problem: (e as Error).message }
    }
    // The preview is recomputed from the form's values on every render that changes them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contracts, body, purpose, kind, JSON.stringify(fields)])

  function submit(event: React.FormEvent) {
    event.preventDefault()
    const doc = proposalFormSchema.safeParse({ title, summary })
    if (!doc.success) return setError(doc.error.issues[0]?.message ?? 'Give it a title')
    if (preview.problem) return setError(preview.problem)
    if (purpose === 'action' && preview.built.length === 0) return setError('An optimistic action needs an action.')
    setError(null)
    const actions = preview.built.map((b) => b.action)
    void flow.run(
      async () => {
        const uri = await storeDaoDocument(purpose === 'proposal' ? 'dao-proposal' : 'dao-action', doc.data)
        return { steps: [purpose === 'proposal' ? createProposalStep(body, uri, actions) : createOptimisticStep(contracts, body, actions, uri)] }
      },
      {
        afterIndexed: (logs) => {
          if (purpose === 'proposal') {
            const created = parseEventLogs({ abi: tokenVotingAbi, logs, eventName: 'ProposalCreated' })[0]
            if (created) navigate(`/dao/proposals/${body.slug}/${created.args.proposalId}`)
          } else {
            const created = parseEventLogs({ abi: optimisticActionsAbi, logs, eventName: 'OptimisticActionCreated' })[0]
            if (created) navigate(`/dao/actions/${body.slug}/optimistic/${created.args.id}`)
          }
        },
      },
    )
  }

  return (
    <form onSubmit={submit} aria-label={purpose === 'proposal' ? 'New proposal' : 'New optimistic action'} className="dao-card">
      <label className="field">
        <span>Title</span>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} required />
      </label>
      <label className="field">
        <span>Summary (markdown)</span>
        <textarea name="summary" rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={5000} />
      </label>
      <label className="field">
        <span>Action</span>
        <select name="template" value={kind} onChange={(e) => setKind(e.target.value as TemplateKind)}>
          {templates.map((t) => (
            <option key={t} value={t}>
              {templateLabels[t]}
            </option>
          ))}
        </select>
      </label>
      <TemplateFields kind={kind} fields={fields} set={set} choices={choices} />

      <section aria-label="What it does" className="dao-section">
        <h3>Before you sign</h3>
        {preview.problem ? (
          <p className="muted">{preview.problem}</p>
        ) : preview.built.length === 0 ? (
          <p data-testid="action-preview">No action: executing it changes nothing on chain.</p>
        ) : (
          <ol>
            {preview.built.map((b, i) => (
              <li key={i}>
                <span data-testid="action-preview">{b.sentence}</span>
                <details>
                  <summary className="small">Raw calldata</summary>
                  <p className="small">
                    to <code className="dao-hex">{b.action.to}</code>, value {b.action.value.toString()} wei
                  </p>
                  <code className="dao-hex" data-testid="calldata">
                    {b.action.data}
                  </code>
                </details>
              </li>
            ))}
          </ol>
        )}
        <p className="small muted">
          {purpose === 'proposal'
            ? `Voting runs from now for the ${body.name}’s minimum duration; your vote counts with the power you have when it is created.`
            : 'Anyone can execute it once its objection period is over, unless a member rejects it first.'}
        </p>
      </section>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={flow.busy}>
          {purpose === 'proposal' ? 'Create the proposal' : 'Create the optimistic action'}
        </button>
      </div>
      <TxProgress flow={flow} />
    </form>
  )
}

function TemplateFields({
  kind,
  fields,
  set,
  choices,
}: {
  kind: TemplateKind
  fields: Record<string, string>
  set: (name: string) => (event: { target: { value: string } }) => void
  choices: FormChoices
}) {
  const input = (name: string, label: string, placeholder?: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={name} value={fields[name] ?? ''} onChange={set(name)} placeholder={placeholder} />
    </label>
  )
  switch (kind) {
    case 'none':
      return null
    case 'mintOvc':
      return input('to', 'New contributor’s address', '0x…')
    case 'burnOvc':
      return (
        <label className="field">
          <span>Member to revoke</span>
          <select name="tokenId" value={fields.tokenId ?? ''} onChange={set('tokenId')}>
            <option value="">Choose a member</option>
            {choices.members
              .filter((m) => m.tokenId !== null)
              .map((m) => (
                <option key={m.address} value={m.tokenId!}>
                  {choices.names[m.address] ?? m.address} (OVC #{m.tokenId!.length > 12 ? `${m.tokenId!.slice(0, 8)}…` : m.tokenId})
                </option>
              ))}
          </select>
        </label>
      )
    case 'sendEth':
      return (
        <>
          {input('to', 'Recipient', '0x…')}
          {input('amount', 'Amount (ETH)', '0.5')}
        </>
      )
    case 'sendToken':
      return (
        <>
          <label className="field">
            <span>Token</span>
            <select name="token" value={fields.token ?? choices.tokens[0]?.address ?? ''} onChange={set('token')}>
              {choices.tokens.map((t) => (
                <option key={t.address} value={t.address}>
                  {t.symbol}
                </option>
              ))}
            </select>
          </label>
          {input('to', 'Recipient', '0x…')}
          {input('amount', 'Amount', '100')}
        </>
      )
    case 'partialPayment':
      return (
        <>
          {input('taskId', 'Task id', '21')}
          {input('amount', 'Pay its executor (ETH)', '0.3')}
        </>
      )
    case 'resolveDispute':
      return (
        <label className="field">
          <span>Dispute</span>
          <select name="disputeActionId" value={fields.disputeActionId ?? ''} onChange={set('disputeActionId')}>
            <option value="">Choose an open dispute</option>
            {choices.disputes.map((d) => (
              <option key={d.actionId} value={String(d.actionId)}>
                {d.title}
                {d.taskId !== null ? ` (task #${d.taskId})` : ''}
              </option>
            ))}
          </select>
        </label>
      )
  }
}
