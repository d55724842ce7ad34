import { getKnownTokens } from '~/models/known-tokens.server'
import { parseMetadataForm, type MetadataForm } from '~/chain-writes/metadata-forms.server'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { jsonError } from '~/http/responses.server'
import { getTaskDetail } from '~/models/task-detail.server'
import { rfpMetadataForms } from '~/rfps/metadata-forms.server'
import { courseGate } from './course-gate.server'
import { draftDepartment, isDepartmentMember } from './draft-department.server'
import { budgetDecimals, rewardDecimals } from './decimals'
import {
  applySchema,
  cancelSchema,
  createTaskSchema,
  disputeSchema,
  documentOf,
  draftDocumentOf,
  draftTaskSchema,
  editMetadataSchema,
  reviewSchema,
  submitSchema,
} from './forms'

// The task forms that store a metadata document through POST /ipfs, by intent: each is parsed
// with the same schema the browser used. The apply and dispute forms' amount fields depend on
// the task's budget tokens, so their schemas are built from the task as the server has it, and
// applying is refused outright while the task's course gate is closed to the applicant.

type TaskFacts = NonNullable<ReturnType<typeof getTaskDetail>>

/** The task a form names, or the 404 an unknown one gets. */
function namedTask(formData: FormData): TaskFacts | Response {
  const chainId = Number(formData.get('chainId'))
  const taskId = Number(formData.get('taskId'))
  if (!Number.isSafeInteger(chainId) || !Number.isSafeInteger(taskId) || chainId !== getChainId()) {
    return jsonError(404, 'There is no such task on this portal.')
  }
  return getTaskDetail(getDb(), { chainId, taskId }) ?? jsonError(404, `There is no task ${taskId} on chain ${chainId}.`)
}

function budgetFacts(task: TaskFacts) {
  const tokens = task.budgets.flatMap((b) => (b.token ? [b.token] : []))
  // The same token decimals the task page gave the browser's form (the `tokens` projection).
  return { known: getKnownTokens(getDb(), task.chainId, tokens), tokens }
}

const apply: MetadataForm = ({ formData, address }) => {
  const task = namedTask(formData)
  if (task instanceof Response) return task
  const gate = courseGate(task.metadata.value?.requiredCourse, address)
  if (gate && !gate.completed) {
    return jsonError(403, `This task requires the course "${gate.title}": complete it first (${gate.href}).`)
  }
  const { tokens, known } = budgetFacts(task)
  return parseMetadataForm(formData, applySchema(budgetDecimals(tokens, known)), documentOf)
}

const dispute: MetadataForm = ({ formData }) => {
  const task = namedTask(formData)
  if (task instanceof Response) return task
  const { tokens, known } = budgetFacts(task)
  const executor = task.applications.find((a) => a.applicationId === task.executorApplicationId)
  return parseMetadataForm(formData, disputeSchema(rewardDecimals(tokens, executor, known)), documentOf)
}

/** A draft's two documents; only a member of the department it names may store them. */
const draft: MetadataForm = ({ formData, address }) => {
  const chainId = Number(formData.get('chainId'))
  if (!Number.isSafeInteger(chainId) || chainId !== getChainId()) return jsonError(400, `This portal serves chain ${getChainId()}: nothing was stored.`)
  const department = draftDepartment(chainId, String(formData.get('department') ?? ''))
  if (!department) return jsonError(404, 'There is no such department to draft a task for on this chain.')
  if (!isDepartmentMember(chainId, department, address)) return jsonError(403, `Only members of the ${department.body.name} draft its tasks.`)
  return parseMetadataForm(formData, draftTaskSchema, draftDocumentOf)
}

export const taskMetadataForms: ReadonlyMap<string, MetadataForm> = new Map<string, MetadataForm>([
  ['create-task', ({ formData }) => parseMetadataForm(formData, createTaskSchema, documentOf)],
  ['edit-metadata', ({ formData }) => parseMetadataForm(formData, editMetadataSchema, documentOf)],
  ['submit', ({ formData }) => parseMetadataForm(formData, submitSchema, documentOf)],
  ['review', ({ formData }) => parseMetadataForm(formData, reviewSchema, documentOf)],
  ['cancel', ({ formData }) => parseMetadataForm(formData, cancelSchema, documentOf)],
  ['apply', apply],
  ['dispute', dispute],
  ['draft-task', draft],
  ['draft-task-document', draft],
  // OpenR&D's RFP forms (app/rfps): POST /ipfs reads this one map.
  ...rfpMetadataForms,
])
