import type { ActionFunctionArgs } from '@remix-run/node'
import { parseWithZod } from '@conform-to/zod'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getTaskDetail } from '~/models/tasks.server'
import { chargeDocumentTo, DocumentQuotaError } from '~/security/document-quota.server'
import { getAddress } from '~/session/auth.server'
import { requireSameOrigin } from '~/session/origin.server'
import { jsonError, noStore, readCappedBody } from '~/session/responses.server'
import { storeMetadataDocument } from '~/tasks/content.server'
import { getTaskContracts } from '~/tasks/contracts.server'
import { courseGate } from '~/tasks/course-gate.server'
import { budgetDecimals, rewardDecimals } from '~/tasks/decimals'
import {
  applySchema,
  cancelSchema,
  createTaskSchema,
  disputeSchema,
  documentOf,
  editMetadataSchema,
  reviewSchema,
  submitSchema,
} from '~/tasks/forms'

// POST /ipfs — validates a task form with the same schema the browser used and stores the
// form's metadata document in the content store; answers its CID, which the browser then
// writes on chain as `ipfs://<cid>`. Same-origin and signed-in only, the body size-capped.
// A form that fails validation gets 400 with conform's reply (its field errors); an address past
// its daily document quota gets 429.

const MAX_BODY_BYTES = 300 * 1024

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return jsonError(405, 'Only POST stores documents.')
  requireSameOrigin(request)
  const address = await getAddress(request)
  if (!address) return jsonError(401, 'Sign in with your wallet to store a document.')
  const formData = await readCappedFormData(request)
  if (formData instanceof Response) return formData

  const intent = String(formData.get('intent') ?? '')
  const schema = await schemaFor(intent, formData, address)
  if (schema instanceof Response) return schema
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return Response.json({ intent, reply: submission.reply() }, { status: 400, headers: noStore })
  }
  const value = submission.value
  if ('chainId' in value && value.chainId !== getChainId()) {
    return jsonError(400, `This portal writes to chain ${getChainId()}, not ${value.chainId}.`)
  }
  const { kind, document } = documentOf(value)
  try {
    const { cid, uri } = await storeMetadataDocument(kind, document, { charge: chargeDocumentTo(address) })
    return Response.json({ cid, uri }, { status: 201, headers: noStore })
  } catch (error) {
    if (error instanceof DocumentQuotaError) {
      return Response.json({ error: error.message }, { status: 429, headers: { ...noStore, 'Retry-After': String(error.retryAfterSeconds) } })
    }
    return jsonError(400, `The document was not stored: ${(error as Error).message}`)
  }
}

type FormSchema =
  | typeof createTaskSchema
  | typeof editMetadataSchema
  | typeof submitSchema
  | typeof reviewSchema
  | typeof cancelSchema
  | ReturnType<typeof applySchema>
  | ReturnType<typeof disputeSchema>

/** The schema of a form, built from the task's facts where its fields depend on them. */
async function schemaFor(intent: string, formData: FormData, address: string): Promise<FormSchema | Response> {
  switch (intent) {
    case 'create-task':
      return createTaskSchema
    case 'edit-metadata':
      return editMetadataSchema
    case 'submit':
      return submitSchema
    case 'review':
      return reviewSchema
    case 'cancel':
      return cancelSchema
    case 'apply':
    case 'dispute': {
      const chainId = Number(formData.get('chainId'))
      const taskId = Number(formData.get('taskId'))
      if (!Number.isSafeInteger(chainId) || !Number.isSafeInteger(taskId) || chainId !== getChainId()) {
        return jsonError(404, 'There is no such task on this portal.')
      }
      const task = getTaskDetail(getDb(), { chainId, taskId, tasksAddress: null })
      if (!task) return jsonError(404, `There is no task ${taskId} on chain ${chainId}.`)
      const known = { openToken: getTaskContracts(chainId)?.openToken ?? null }
      const tokens = task.budgets.flatMap((b) => (b.token ? [b.token] : []))
      if (intent === 'apply') {
        const gate = courseGate(task.metadata.value?.requiredCourse, address)
        if (gate && !gate.completed) {
          return jsonError(403, `This task requires the course "${gate.title}": complete it first (${gate.href}).`)
        }
        return applySchema(budgetDecimals(tokens, known))
      }
      const executor = task.applications.find((a) => a.applicationId === task.executorApplicationId)
      return disputeSchema(rewardDecimals(tokens, executor, known))
    }
    default:
      return jsonError(400, 'The form does not say what it is for (intent).')
  }
}

/** The request's form data, refusing bodies above the cap (413) before parsing them. */
async function readCappedFormData(request: Request): Promise<FormData | Response> {
  const body = await readCappedBody(request, MAX_BODY_BYTES)
  if (body === null) return jsonError(413, `The form is larger than ${MAX_BODY_BYTES} bytes.`)
  try {
    return await new Request(request.url, {
      method: 'POST',
      headers: { 'Content-Type': request.headers.get('Content-Type') ?? '' },
      body,
    }).formData()
  } catch {
    return jsonError(400, 'The request body is not a form.')
  }
}
