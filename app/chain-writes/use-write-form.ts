import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { FormEvent } from 'react'
import { useState } from 'react'
import type { z } from 'zod'
import { storeFormMetadata } from './store-form-metadata'
import type { ReceiptLogs, TxFlow, WriteStep } from './use-tx-flow'

// A task form that ends in a wallet write: conform validates it in the browser with the form's
// zod schema; on submit the server validates it again with the same schema and stores its
// metadata document (POST /ipfs), then the transaction(s) built from the parsed values and the
// document's URI run through the tx flow. Server-side field errors land on the form's fields.

export function useWriteForm<Schema extends z.ZodTypeAny>({
  id,
  schema,
  flow,
  stores,
  defaultValue,
  steps,
  afterIndexed,
}: {
  id: string
  schema: Schema
  flow: TxFlow
  /** Whether the form has a metadata document to store before writing. */
  stores: boolean
  defaultValue?: Record<string, unknown>
  steps: (value: z.output<Schema>, uri: string | null) => WriteStep[] | Promise<WriteStep[]>
  afterIndexed?: (logs: ReceiptLogs) => void
}) {
  const [lastResult, setLastResult] = useState<SubmissionResult<string[]> | undefined>()
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    onSubmit(event, { formData, submission }) {
      event.preventDefault()
      if (submission?.status !== 'success' || flow.busy) return
      const value = submission.value
      void flow.run(
        async () => {
          let uri: string | null = null
          if (stores) {
            const stored = await storeFormMetadata(formData)
            if (!stored.ok) {
              setLastResult(stored.reply)
              return null
            }
            uri = stored.uri
          }
          return { steps: await steps(value, uri) }
        },
        { storing: stores, afterIndexed },
      )
    },
  })
}

/**
 * The form element's props: conform's, and the submit event always stopped after conform has
 * seen it. These forms end in wallet writes, never in a native submission — not even for
 * conform's list intents (add/remove a row), which conform leaves to the browser otherwise.
 */
export function writeFormProps(form: FormMetadata<any, string[]>) {
  const props = getFormProps(form)
  return {
    ...props,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      props.onSubmit(event)
      event.preventDefault()
    },
  }
}
