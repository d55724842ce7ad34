import { Link } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { encodeFunctionData, parseEventLogs, toHex } from 'viem'
import { tasksAbi } from '#contracts-abi/Tasks'
import { tokenVotingAbi } from '#contracts-abi/TokenVoting'
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
 * Open a dispute: a DAO proposal (TokenVoting) whose one action has the DAO — the task's
 * dispute manager — call completeByDispute, paying the executor the proposed part of each
 * reward and refunding the rest to the creator, if the vote passes.
 */
export function DisputeForm({ ctx, entries }: { ctx: TaskWriteContext; entries: RewardEntry[] }) {
  const flow = useTxFlow({ chainId: ctx.chainId, pageBlock: ctx.pageBlock })
  const [proposalId, setProposalId] = useState<string | null>(null)
  const schema = useMemo(() => disputeSchema(decimalsOf(entries)), [entries])
  const tokenVoting = ctx.contracts.tokenVoting
  const [form, fields] = useWriteForm({
    id: 'dispute',
    schema,
    flow,
    stores: true,
    defaultValue: rewardDefaults(entries),
    steps: (value, uri) => {
      if (!tokenVoting) throw new Error('This chain has no DAO voting contract configured.')
      const settle = encodeFunctionData({
        abi: tasksAbi,
        functionName: 'completeByDispute',
        args: [BigInt(ctx.taskId), value.partialNative, value.partialTokens],
      })
      return [
        {
          label: 'Create the dispute proposal',
          write: contractWrite(tokenVotingAbi, tokenVoting, 'createProposal', [
            toHex(uri ?? ''),
            [{ to: ctx.contracts.tasks, value: 0n, data: settle }],
            0n,
            0n,
            0n,
            0,
            false,
          ]),
        },
      ]
    },
    afterIndexed: (logs) => {
      const [created] = parseEventLogs({ abi: tokenVotingAbi, logs, eventName: 'ProposalCreated' })
      if (created) setProposalId(created.args.proposalId.toString())
    },
  })
  return (
    <form method="post" {...writeFormProps(form)} className="task-form" aria-label="Open a dispute">
      <TaskFormTarget intent="dispute" ctx={ctx} />
      <TextField meta={fields.title} label="Proposal title" />
      <TextAreaField meta={fields.summary} label="What happened, and the settlement you propose" rows={4} />
      <RewardPartsFields entries={entries} native={fields.partialNative.getFieldList()} tokens={fields.partialTokens.getFieldList()} verb="Pay the contributor" />
      <WriteFormFooter form={form} flow={flow} label="Create the dispute proposal" secondary />
      {proposalId !== null ? (
        <p className="notice notice-ok">
          Dispute proposal <Link to={`/dao/proposals/${proposalId}`}>#{proposalId}</Link> is open for votes.
        </p>
      ) : null}
    </form>
  )
}
