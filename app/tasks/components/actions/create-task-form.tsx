import { getInputProps } from '@conform-to/react'
import { Link, useNavigate } from '@remix-run/react'
import { parseEventLogs } from 'viem'
import { useConfig, useConnection } from 'wagmi'
import { tasksAbi } from '#contracts-abi/Tasks'
import { approveSteps } from '~/chain-writes/erc20-approve'
import { createTaskSchema } from '~/tasks/forms'
import { contractWrite, useTxFlow, type WriteStep } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import type { PortalContracts } from '~/chain-writes/write-context'
import { FieldErrors, TextField } from '~/components/form-fields'
import { TaskDocumentFields, type TaskDocumentFieldSet } from '~/tasks/components/task-document-fields'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'

// /tasks/new's form: a task's metadata document, its escrowed budget and its people, written
// to the chain in one flow (approve the OPEN budget first when there is one). Loaded on demand
// with the other task writes (lazy.tsx).

export type CreateTaskFormProps = {
  chainId: number
  contracts: PortalContracts
  viewer: `0x${string}` | null
  indexedBlock: number | null
  defaultDeadline: string
}

export function CreateTaskForm({ chainId, contracts, viewer, indexedBlock, defaultDeadline }: CreateTaskFormProps) {
  const navigate = useNavigate()
  const config = useConfig()
  const { address } = useConnection()
  const flow = useTxFlow({ chainId, pageBlock: indexedBlock })
  const openToken = contracts.openToken
  const [form, fields] = useWriteForm({
    id: 'create-task',
    schema: createTaskSchema,
    flow,
    stores: true,
    defaultValue: {
      manager: viewer ?? '',
      // As the real frontends: the Dispute department decides disputes (TaskDisputes → its vote).
      disputeManager: contracts.disputeAccount ?? contracts.dao ?? '',
      deadline: defaultDeadline,
      teamSize: '1',
      links: [{ name: '', url: '' }],
      preapproved: [],
    },
    steps: async (value, uri): Promise<WriteStep[]> => {
      if (!address) throw new Error('Connect your wallet to create a task.')
      if (value.openBudget > 0n && !openToken) throw new Error('There is no OPEN token on this chain.')
      const approvals =
        value.openBudget > 0n && openToken
          ? await approveSteps(config, {
              chainId,
              owner: address,
              token: openToken,
              spender: contracts.tasks,
              amount: value.openBudget,
              known: { openToken },
            })
          : []
      const withOpen = value.openBudget > 0n
      return [
        ...approvals,
        {
          label: 'Create the task',
          write: contractWrite(
            tasksAbi,
            contracts.tasks,
            'createTask',
            [
              uri ?? '',
              BigInt(value.deadline),
              value.manager,
              value.disputeManager,
              withOpen && openToken ? [{ tokenContract: openToken, amount: value.openBudget }] : [],
              value.preapproved.map((entry) => ({
                applicant: entry.applicant,
                nativeReward: entry.nativeReward > 0n ? [{ to: entry.applicant, amount: entry.nativeReward }] : [],
                reward: withOpen ? [{ nextToken: true, to: entry.applicant, amount: entry.openReward }] : [],
              })),
            ],
            value.nativeBudget,
          ),
        },
      ]
    },
    afterIndexed: (logs) => {
      const [created] = parseEventLogs({ abi: tasksAbi, logs, eventName: 'TaskCreated' })
      if (created) navigate(`/tasks/${chainId}/${created.args.taskId}`)
    },
  })
  const preapproved = fields.preapproved.getFieldList()

  return (
    <div className="new-task">
      <p className="small">
        <Link to="/tasks">← All tasks</Link>
      </p>
      <h1>Create a task</h1>
      {!viewer ? (
        <p className="notice" role="note">
          Sign in with your wallet to create a task: its metadata is stored for your address, and the budget comes from your wallet.
        </p>
      ) : null}
      <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Create a task">
        <input type="hidden" name="intent" value="create-task" />
        <input type="hidden" name="chainId" value={chainId} />
        <TaskDocumentFields form={form as never} fields={fields as unknown as TaskDocumentFieldSet} />

        <fieldset>
          <legend>Budget (held in escrow until the task closes)</legend>
          <div className="row">
            <TextField meta={fields.nativeBudget} label="ETH" inputMode="decimal" placeholder="0" />
            {openToken ? (
              <TextField meta={fields.openBudget} label="OPEN" inputMode="decimal" placeholder="0" hint="Needs an approve transaction first." />
            ) : null}
          </div>
        </fieldset>

        <TextField meta={fields.deadline} label="Deadline" type="date" hint="End of that day, UTC." />
        <TextField meta={fields.manager} label="Manager" hint="Reviews applications and submissions; defaults to you." />
        <TextField
          meta={fields.disputeManager}
          label="Dispute manager"
          hint={contracts.disputeAccount ? 'Settles disputes; defaults to the Dispute department, which decides by a vote.' : 'Settles disputes.'}
        />

        <fieldset>
          <legend>Preapproved applicants (optional)</legend>
          {preapproved.map((entry, index) => {
            const row = entry.getFieldset()
            const { key: applicantKey, ...applicant } = getInputProps(row.applicant, { type: 'text' })
            return (
              <div className="row" key={entry.key}>
                <div>
                  <label htmlFor={row.applicant.id}>Applicant {index + 1} address</label>
                  <input key={applicantKey} {...applicant} placeholder="0x…" />
                  <FieldErrors meta={row.applicant} />
                </div>
                <TextField meta={row.nativeReward} label="Reward (ETH)" inputMode="decimal" placeholder="0" />
                {openToken ? <TextField meta={row.openReward} label="Reward (OPEN)" inputMode="decimal" placeholder="0" /> : null}
                <div>
                  <button type="submit" className="secondary" {...form.remove.getButtonProps({ name: fields.preapproved.name, index })}>
                    Remove applicant {index + 1}
                  </button>
                </div>
              </div>
            )
          })}
          <button type="submit" className="secondary" {...form.insert.getButtonProps({ name: fields.preapproved.name })}>
            Add a preapproved applicant
          </button>
        </fieldset>

        <WriteFormFooter form={form} flow={flow} label="Create task" disabled={!viewer} />
      </form>
    </div>
  )
}
