import { useMemo } from 'react'
import { useConnection } from 'wagmi'
import { rfpsAbi } from '#contracts-abi/RFPs'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { submitProjectSchema } from '~/rfps/forms'
import type { RfpWriteContext } from '~/rfps/rfp-write-context'
import { RfpFormTarget } from './rfp-form-target'
import { TaskDocumentFields, type TaskDocumentFieldSet } from '~/tasks/components/task-document-fields'
import { budgetDecimals } from '~/tasks/decimals'
import { nativeToken, tokenInfo } from '~/utils/tokens'

// Anyone submits a project to an open RFP: a task document (it becomes the task's metadata when
// accepted), a deadline and the rewards asked for, paid to the representative (the sender). One
// ERC-20 reward entry per budget token, each ending its token (nextToken), as the seed and the
// openrd-frontend write them.

export function SubmitProjectForm({ ctx, defaultDeadline }: { ctx: RfpWriteContext; defaultDeadline: string }) {
  const { address } = useConnection()
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const schema = useMemo(() => submitProjectSchema(budgetDecimals(ctx.budgetTokens, ctx.known)), [ctx.budgetTokens, ctx.known])
  const [form, fields] = useWriteForm({
    id: 'submit-project',
    schema,
    flow,
    stores: true,
    defaultValue: { teamSize: '1', deadline: defaultDeadline, links: [{ name: '', url: '' }], tokenRewards: ctx.budgetTokens.map(() => '') },
    steps: (value, uri) => {
      if (!address) throw new Error('Connect your wallet first.')
      return [
        {
          label: 'Submit the project',
          write: contractWrite(rfpsAbi, ctx.contracts.rfps, 'submitProject', [
            BigInt(ctx.rfpId),
            uri ?? '',
            BigInt(value.deadline),
            value.nativeReward > 0n ? [{ to: address, amount: value.nativeReward }] : [],
            value.tokenRewards.map((amount) => ({ nextToken: true, to: address, amount })),
          ]),
        },
      ]
    },
  })
  const rewards = fields.tokenRewards.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Submit a project">
      <RfpFormTarget intent="submit-project" ctx={ctx} />
      <TaskDocumentFields form={form as never} fields={fields as unknown as TaskDocumentFieldSet} />
      <TextField meta={fields.deadline} label="Project deadline" type="date" hint="The deadline of the task the project becomes." />
      <fieldset>
        <legend>Requested reward (paid to you through the task)</legend>
        <div className="row">
          <TextField meta={fields.nativeReward} label={`Reward (${nativeToken(ctx.known.chainId).symbol})`} inputMode="decimal" placeholder="0" />
          {rewards.map((meta, index) => (
            <TextField
              key={meta.key}
              meta={meta}
              label={`Reward (${tokenInfo(ctx.budgetTokens[index] ?? null, ctx.known).symbol})`}
              inputMode="decimal"
              placeholder="0"
            />
          ))}
        </div>
      </fieldset>
      <WriteFormFooter form={form} flow={flow} label="Submit project" />
    </form>
  )
}
