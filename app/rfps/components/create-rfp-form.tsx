import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { Link, useNavigate } from '@remix-run/react'
import { parseEventLogs } from 'viem'
import { useConfig, useConnection } from 'wagmi'
import { getPublicClient } from 'wagmi/actions'
import { rfpsAbi } from '#contracts-abi/RFPs'
import { approveSteps } from '~/chain-writes/erc20-approve'
import { contractWrite, useTxFlow, type WriteStep } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import type { PortalContracts } from '~/chain-writes/write-context'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { FieldErrors, TextAreaField, TextField } from '~/components/form-fields'
import { resolveBudgetTokens, type TokenReader } from '~/rfps/budget-tokens'
import { LinkFields } from '~/tasks/components/task-document-fields'
import { createRfpSchema, MAX_RFP_TOKENS } from '~/rfps/forms'

// /rfps/new's form: the RFP document (the openrd-frontend's fields), its escrowed budget (the
// native currency as value, any ERC-20 approved to the RFPs contract first) and its people, as
// one flow. Each budget token is read on chain before the approve (as the server did before
// storing the document): no code or no decimals() stops the flow with a message on the field.

export type TokenOption = { address: string; symbol: string }

export type CreateRfpFormProps = {
  chainId: number
  contracts: PortalContracts & { rfps: `0x${string}` }
  viewer: `0x${string}` | null
  indexedBlock: number | null
  defaultDeadline: string
  nativeSymbol: string
  tokenOptions: TokenOption[]
}

export function CreateRfpForm({ chainId, contracts, viewer, indexedBlock, defaultDeadline, nativeSymbol, tokenOptions }: CreateRfpFormProps) {
  const navigate = useNavigate()
  const config = useConfig()
  const { address } = useConnection()
  const flow = useTxFlow({ chainId, pageBlock: indexedBlock })
  const [form, fields] = useWriteForm({
    id: 'create-rfp',
    schema: createRfpSchema,
    flow,
    stores: true,
    defaultValue: {
      manager: viewer ?? '',
      tasksManager: viewer ?? '',
      // As the real frontend: the Dispute department decides the disputes of its tasks.
      disputeManager: contracts.disputeAccount ?? contracts.dao ?? '',
      deadline: defaultDeadline,
      maxAwardedProjects: '1',
      links: [{ name: '', url: '' }],
      budget: [],
    },
    steps: async (value, uri): Promise<WriteStep[]> => {
      if (!address) throw new Error('Connect your wallet to create an RFP.')
      const client = getPublicClient(config, { chainId })
      if (!client) throw new Error(`The wallet has no connection to chain ${chainId}.`)
      const resolved = await resolveBudgetTokens(client as unknown as TokenReader, value.budget)
      if (!resolved.ok) throw new Error(resolved.problems.map((p) => `Token ${p.index + 1}: ${p.message}`).join(' '))
      const approvals: WriteStep[] = []
      for (const token of resolved.budget) {
        approvals.push(
          ...(await approveSteps(config, {
            chainId,
            owner: address,
            token: token.tokenContract,
            spender: contracts.rfps,
            amount: token.amount,
            known: { openToken: contracts.openToken, chainId, tokens: { [token.tokenContract.toLowerCase()]: { symbol: token.symbol, decimals: token.decimals, name: null, problem: null } } },
          })),
        )
      }
      return [
        ...approvals,
        {
          label: 'Create the RFP',
          write: contractWrite(
            rfpsAbi,
            contracts.rfps,
            'createRFP',
            [
              uri ?? '',
              BigInt(value.deadline),
              resolved.budget.map((b) => ({ tokenContract: b.tokenContract, amount: b.amount })),
              value.tasksManager,
              value.disputeManager,
              value.manager,
            ],
            value.nativeBudget,
          ),
        },
      ]
    },
    afterIndexed: (logs) => {
      const [created] = parseEventLogs({ abi: rfpsAbi, logs, eventName: 'RFPCreated' })
      if (created) navigate(`/rfps/${chainId}/${created.args.rfpId}`)
    },
  })
  // Preprocessed list fields lose their input type in conform's inference: name it again.
  const budgetField = fields.budget as unknown as FieldMetadata<{ token: string; amount: string }[] | undefined, Record<string, unknown>, string[]>
  const linksField = fields.links as unknown as FieldMetadata<{ name: string; url: string }[] | undefined, Record<string, unknown>, string[]>
  const budget = budgetField.getFieldList()

  return (
    <div className="new-task">
      <p className="small">
        <Link to="/rfps">← All RFPs</Link>
      </p>
      <h1>Create an RFP</h1>
      {!viewer ? (
        <p className="notice" role="note">
          Sign in with your wallet to create an RFP: its document is stored for your address, and the budget comes from your wallet.
        </p>
      ) : null}
      <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Create an RFP">
        <input type="hidden" name="intent" value="create-rfp" />
        <input type="hidden" name="chainId" value={chainId} />
        <TextField meta={fields.title} label="Title" />
        <TextAreaField meta={fields.description} label="Description" hint="Markdown. What the RFP asks for, and why." rows={8} />
        <TextAreaField meta={fields.projectRequirements} label="Project requirements" hint="Optional (Markdown): what a project must include." rows={4} />
        <TextField meta={fields.tags} label="Tags" hint="Comma-separated, e.g. research, indexer." />
        <div className="row">
          <TextField meta={fields.maxProjectFunding} label="Most funding per project" inputMode="decimal" hint="A figure, e.g. 2500." />
          <TextField meta={fields.maxAwardedProjects} label="Projects to award" type="number" inputMode="numeric" />
        </div>
        <LinkFields form={form as never} links={linksField} />

        <fieldset>
          <legend>Budget (held in the RFP’s escrow; each accepted project’s task is funded from it)</legend>
          <TextField meta={fields.nativeBudget} label={nativeSymbol} inputMode="decimal" placeholder="0" />
          <datalist id="rfp-budget-tokens">
            {tokenOptions.map((option) => (
              <option key={option.address} value={option.address}>
                {option.symbol}
              </option>
            ))}
          </datalist>
          {budget.map((entry, index) => {
            const row = entry.getFieldset()
            const { key: tokenKey, ...token } = getInputProps(row.token, { type: 'text' })
            return (
              <div className="row" key={entry.key}>
                <div>
                  <label htmlFor={row.token.id}>Token {index + 1} address</label>
                  <input key={tokenKey} {...token} list="rfp-budget-tokens" placeholder="0x…" />
                  <FieldErrors meta={row.token} />
                </div>
                <TextField meta={row.amount} label={`Token ${index + 1} amount`} inputMode="decimal" placeholder="0" hint="In whole tokens, e.g. 1500.25" />
                <div>
                  <button type="submit" className="secondary" {...form.remove.getButtonProps({ name: budgetField.name, index })}>
                    Remove token {index + 1}
                  </button>
                </div>
              </div>
            )
          })}
          {budget.length < MAX_RFP_TOKENS ? (
            <button type="submit" className="secondary" {...form.insert.getButtonProps({ name: budgetField.name, defaultValue: { token: '', amount: '' } } as never)}>
              Add a token to the budget
            </button>
          ) : null}
          <FieldErrors meta={budgetField as never} />
          {tokenOptions.length > 0 ? (
            <p className="hint">Known here: {tokenOptions.map((o) => `${o.symbol} ${o.address}`).join(', ')}. Any ERC-20 works; it is approved before the RFP is created.</p>
          ) : null}
        </fieldset>

        <TextField meta={fields.deadline} label="Deadline" type="date" hint="Projects may be submitted until the end of that day, UTC." />
        <TextField meta={fields.manager} label="RFP manager" hint="Accepts projects and may empty the RFP; defaults to you." />
        <TextField meta={fields.tasksManager} label="Tasks manager" hint="Manages every task an accepted project becomes." />
        <TextField
          meta={fields.disputeManager}
          label="Dispute manager"
          hint={contracts.disputeAccount ? 'Settles the tasks’ disputes; defaults to the Dispute department.' : 'Settles the tasks’ disputes.'}
        />
        <WriteFormFooter form={form} flow={flow} label="Create RFP" disabled={!viewer} />
      </form>
    </div>
  )
}
