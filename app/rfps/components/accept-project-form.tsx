import { useMemo } from 'react'
import { formatUnits } from 'viem'
import { rfpsAbi } from '#contracts-abi/RFPs'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextField } from '~/components/form-fields'
import { acceptProjectSchema } from '~/rfps/forms'
import type { RfpWriteContext } from '~/rfps/rfp-write-context'
import { RfpFormTarget } from './rfp-form-target'
import { rewardTokens } from '~/tasks/decimals'
import { nativeToken, tokenInfo } from '~/utils/tokens'

// The RFP manager accepts a project with an amount granted per entry of its request (the
// requested amounts by default, as the openrd-frontend grants them); the RFP's escrow then
// creates the task with the project's document and deadline, the representative preapproved.

export type ProjectRequest = {
  projectId: number
  nativeReward: { to: string; amount: string }[]
  reward: { nextToken: boolean; to: string; amount: string }[]
}

export function AcceptProjectForm({ ctx, project }: { ctx: RfpWriteContext; project: ProjectRequest }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const native = nativeToken(ctx.known.chainId)
  const entryTokens = useMemo(() => rewardTokens(ctx.budgetTokens, project.reward).map((token) => tokenInfo(token, ctx.known)), [ctx.budgetTokens, ctx.known, project.reward])
  const schema = useMemo(
    () => acceptProjectSchema({ native: project.nativeReward.map(() => native.decimals), tokens: entryTokens.map((t) => t.decimals) }),
    [project.nativeReward, native.decimals, entryTokens],
  )
  const [form, fields] = useWriteForm({
    id: `accept-project-${project.projectId}`,
    schema,
    flow,
    stores: false,
    defaultValue: {
      grantedNative: project.nativeReward.map((r) => formatUnits(BigInt(r.amount), native.decimals)),
      grantedTokens: project.reward.map((r, index) => formatUnits(BigInt(r.amount), entryTokens[index]?.decimals ?? 0)),
    },
    steps: (value) => [
      {
        label: `Accept project #${project.projectId}`,
        write: contractWrite(rfpsAbi, ctx.contracts.rfps, 'acceptProject', [BigInt(ctx.rfpId), project.projectId, value.grantedNative, value.grantedTokens]),
      },
    ],
  })
  const grantedNative = fields.grantedNative.getFieldList()
  const grantedTokens = fields.grantedTokens.getFieldList()
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label={`Accept project #${project.projectId}`}>
      <RfpFormTarget intent="accept-project" ctx={ctx} />
      <input type="hidden" name="projectId" value={project.projectId} />
      <div className="row">
        {grantedNative.map((meta) => (
          <TextField key={meta.key} meta={meta} label={`Grant (${native.symbol})`} inputMode="decimal" />
        ))}
        {grantedTokens.map((meta, index) => (
          <TextField key={meta.key} meta={meta} label={`Grant (${entryTokens[index]?.symbol ?? 'tokens'})`} inputMode="decimal" />
        ))}
      </div>
      <WriteFormFooter form={form} flow={flow} label={`Accept project #${project.projectId}`} withMetadata={false} />
    </form>
  )
}
