import { Link } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { formatEther, parseEventLogs } from 'viem'
import { useReadContract } from 'wagmi'
import { taskDisputesAbi } from '#contracts-abi/TaskDisputes'
import { contractWrite, useTxFlow } from '~/chain-writes/use-tx-flow'
import { useWriteForm, writeFormProps } from '~/chain-writes/use-write-form'
import { WriteFormFooter } from '~/chain-writes/write-form-footer'
import { TextAreaField, TextField } from '~/components/form-fields'
import { TaskFormTarget } from '~/tasks/components/task-form-target'
import { disputeSchema } from '~/tasks/forms'
import type { TaskWriteContext } from '~/tasks/task-write-context'
import { decimalsOf } from './partial-payment-form'
import { rewardDefaults, RewardPartsFields, type RewardEntry } from './reward-parts'

/**
 * Open a dispute as Openmesh's frontend does: TaskDisputes.createDispute, paying the dispute
 * manager's fee (getCost: as the server last read it, else read here through the wallet's chain), queues Tasks.completeByDispute as a PessimisticActions
 * action of the dispute manager (the Dispute department's smart account). It pays the executor the
 * proposed part of each reward and refunds the rest to the creator once the department approves
 * it by a vote. The document is {title, summary, body}.
 */
export function DisputeForm({
  ctx,
  entries,
  disputeManager,
  fee: serverFee,
  actionPathPrefix,
}: {
  ctx: TaskWriteContext
  entries: RewardEntry[]
  disputeManager: `0x${string}`
  /** null: the server has not read it yet, so the form reads it. */
  fee: { wei: string } | { error: string } | null
  /** The dispute manager's pessimistic actions page, to which the action id is appended. */
  actionPathPrefix: string
}) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const fee = useDisputeFee(serverFee, ctx, disputeManager)
  const [actionId, setActionId] = useState<string | null>(null)
  const schema = useMemo(() => disputeSchema(decimalsOf(entries)), [entries])
  const { taskDisputes, pessimisticActions, addressTrustlessManagement: manager } = ctx.contracts
  const [form, fields] = useWriteForm({
    id: 'dispute',
    schema,
    flow,
    stores: true,
    defaultValue: rewardDefaults(entries),
    steps: (value, uri) => {
      if (!taskDisputes || !pessimisticActions || !manager) throw new Error('This chain has no dispute contracts configured.')
      if ('error' in fee) throw new Error(fee.error)
      if ('reading' in fee) throw new Error('The dispute fee is still being read from the chain: try again in a moment.')
      return [
        {
          label: `Open the dispute (fee ${formatEther(BigInt(fee.wei))} ETH)`,
          write: contractWrite(
            taskDisputesAbi,
            taskDisputes,
            'createDispute',
            [
              disputeManager,
              uri ?? '',
              // The roles are the caller's address as uint160, as the installers grant them.
              { manager, role: BigInt(taskDisputes), trustlessActions: pessimisticActions },
              { manager, role: BigInt(pessimisticActions) },
              { taskId: BigInt(ctx.taskId), partialNativeReward: value.partialNative, partialReward: value.partialTokens },
            ],
            BigInt(fee.wei),
          ),
        },
      ]
    },
    afterIndexed: (logs) => {
      const [created] = parseEventLogs({ abi: taskDisputesAbi, logs, eventName: 'TrustlessActionCreated' })
      if (created) setActionId(created.args.actionId.toString())
    },
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Open a dispute">
      <TaskFormTarget intent="dispute" ctx={ctx} />
      <p className="small" data-testid="dispute-fee">
        {'error' in fee ? (
          <span role="alert">{fee.error}</span>
        ) : 'reading' in fee ? (
          <span className="muted">Reading the dispute fee from the chain…</span>
        ) : (
          <>
            Opening a dispute costs <strong>{formatEther(BigInt(fee.wei))} ETH</strong>, paid to the dispute manager with the
            transaction. The Dispute department then votes on your settlement.
          </>
        )}
      </p>
      <TextField meta={fields.title} label="Dispute title" />
      <TextAreaField meta={fields.summary} label="Summary: what happened, and the settlement you propose" rows={3} />
      <TextAreaField meta={fields.body} label="Details (optional)" hint="Markdown. Evidence, links, the timeline." rows={6} />
      <RewardPartsFields entries={entries} native={fields.partialNative.getFieldList()} tokens={fields.partialTokens.getFieldList()} verb="Pay the contributor" />
      <WriteFormFooter form={form} flow={flow} label="Open the dispute" secondary />
      {actionId !== null ? (
        <p className="notice notice-ok">
          Dispute opened: <Link to={`${actionPathPrefix}${actionId}`}>pessimistic action #{actionId}</Link> waits for the Dispute department’s vote.
        </p>
      ) : null}
    </form>
  )
}

type FormFee = { wei: string } | { error: string } | { reading: true }

/** The server's fee when it had one; otherwise getCost read here, through the wallet's chain. */
function useDisputeFee(serverFee: { wei: string } | { error: string } | null, ctx: TaskWriteContext, disputeManager: `0x${string}`): FormFee {
  const taskDisputes = ctx.contracts.taskDisputes
  const read = useReadContract({
    chainId: ctx.chainId,
    address: taskDisputes ?? undefined,
    abi: taskDisputesAbi,
    functionName: 'getCost',
    args: [disputeManager],
    query: { enabled: serverFee === null && Boolean(taskDisputes) },
  })
  if (serverFee !== null) return serverFee
  if (read.data !== undefined) return { wei: read.data.toString() }
  if (read.error) return { error: 'The chain could not be asked for the dispute fee: try again in a moment.' }
  return { reading: true }
}
