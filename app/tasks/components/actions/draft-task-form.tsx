import { Link, useNavigate } from '@remix-run/react'
import { parseEventLogs } from 'viem'
import { taskDraftsAbi } from '#contracts-abi/TaskDrafts'
import { storeFormMetadata } from '~/chain-writes/store-form-metadata'
import { contractWrite, useTxFlow, type WriteStep } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextAreaField, TextField } from '~/components/form-fields'
import { TaskDocumentFields, type TaskDocumentFieldSet } from '~/tasks/components/task-document-fields'
import { draftTaskSchema } from '~/tasks/forms'

// A department member drafts a task (TaskDrafts.createDraftTask): it queues Tasks.createTask as
// a PessimisticActions action of the department's smart account, which pays the budget if the
// department votes to execute it. The draft's `{title, summary}` is stored first (the form's
// document), then the task's own document, then the one transaction. The addresses and roles are
// those of the devnet's and Openmesh's topology: AddressTrustlessManagement with role
// uint160(TaskDrafts) to create the action, and role uint160(PessimisticActions) to run it.

export type DraftTaskFormProps = {
  chainId: number
  department: { slug: string; name: string; account: `0x${string}` }
  contracts: { taskDrafts: `0x${string}`; pessimisticActions: `0x${string}`; addressTrustlessManagement: `0x${string}`; disputeAccount: `0x${string}` | null }
  indexedBlock: number | null
  defaultDeadline: string
}

const role = (address: `0x${string}`) => BigInt(address)

export function DraftTaskForm({ chainId, department, contracts, indexedBlock, defaultDeadline }: DraftTaskFormProps) {
  const navigate = useNavigate()
  const flow = useTxFlow({ chainId, pageBlock: indexedBlock })
  const [form, fields] = useWriteForm({
    id: 'draft-task',
    schema: draftTaskSchema,
    flow,
    stores: true,
    defaultValue: { manager: department.account, deadline: defaultDeadline, teamSize: '1', links: [{ name: '', url: '' }] },
    steps: async (value, draftUri): Promise<WriteStep[]> => {
      // The task's own document: the same fields, stored under the second intent.
      const element = document.getElementById(form.id)
      if (!(element instanceof HTMLFormElement)) throw new Error('The draft form is gone from the page.')
      const taskForm = new FormData(element)
      taskForm.set('intent', 'draft-task-document')
      const stored = await storeFormMetadata(taskForm)
      if (!stored.ok) throw new Error('The task’s document was refused: check the task fields.')
      const applicant = value.preapprovedApplicant
      return [
        {
          label: `Draft the task for the ${department.name}`,
          write: contractWrite(taskDraftsAbi, contracts.taskDrafts, 'createDraftTask', [
            department.account,
            draftUri ?? '',
            { manager: contracts.addressTrustlessManagement, role: role(contracts.taskDrafts), trustlessActions: contracts.pessimisticActions },
            { manager: contracts.addressTrustlessManagement, role: role(contracts.pessimisticActions) },
            {
              metadata: stored.uri,
              deadline: BigInt(value.deadline),
              manager: value.manager,
              disputeManager: contracts.disputeAccount ?? department.account,
              nativeBudget: value.nativeBudget,
              budget: [],
              preapproved: applicant
                ? [{ applicant, nativeReward: value.preapprovedReward > 0n ? [{ to: applicant, amount: value.preapprovedReward }] : [], reward: [] }]
                : [],
            },
          ]),
        },
      ]
    },
    afterIndexed: (logs) => {
      const [created] = parseEventLogs({ abi: taskDraftsAbi, logs, eventName: 'TrustlessActionCreated' })
      if (created) navigate(`/dao/departments/${department.slug}#drafts-heading`)
    },
  })

  return (
    <div className="new-task">
      <p className="small">
        <Link to={`/dao/departments/${department.slug}`}>← {department.name}</Link>
      </p>
      <h1>Draft a task for the {department.name}</h1>
      <p className="muted">
        The department creates the task, paying its budget from its account, only if its members vote to execute the draft.
      </p>
      <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Draft a task">
        <input type="hidden" name="intent" value="draft-task" />
        <input type="hidden" name="chainId" value={chainId} />
        <input type="hidden" name="department" value={department.slug} />
        <fieldset>
          <legend>The draft (what the department votes on)</legend>
          <TextField meta={fields.draftTitle} label="Draft title" />
          <TextAreaField meta={fields.draftSummary} label="Why the department should create it" rows={3} />
        </fieldset>
        <fieldset>
          <legend>The task</legend>
          <TaskDocumentFields form={form as never} fields={fields as unknown as TaskDocumentFieldSet} />
          <TextField meta={fields.nativeBudget} label="Budget (ETH, paid by the department)" inputMode="decimal" placeholder="0" />
          <TextField meta={fields.deadline} label="Deadline" type="date" hint="End of that day, UTC." />
          <TextField meta={fields.manager} label="Manager" hint="Defaults to the department’s account: it then manages the task by vote." />
          <div className="row">
            <TextField meta={fields.preapprovedApplicant} label="Preapproved applicant (optional)" placeholder="0x…" />
            <TextField meta={fields.preapprovedReward} label="Their reward (ETH)" inputMode="decimal" placeholder="0" />
          </div>
        </fieldset>
        <WriteFormFooter form={form} flow={flow} label="Draft the task" />
      </form>
    </div>
  )
}
