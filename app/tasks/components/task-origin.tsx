import { Link } from '@remix-run/react'

// Where a task came from, when not straight from its creator: an RFP project the RFP's manager
// accepted (the task's creator is then the RFP's escrow), or a draft its department approved.

export type TaskOrigin =
  | { kind: 'rfp'; path: string; rfpId: number; projectId: number; rfpTitle: string | null }
  | { kind: 'draft'; path: string; actionId: number; daoName: string; title: string | null }

export function TaskOriginFacts({ origin }: { origin: TaskOrigin | null }) {
  if (!origin) return null
  return (
    <>
      <dt>Created from</dt>
      <dd data-testid="task-origin">
        {origin.kind === 'rfp' ? (
          <>
            project #{origin.projectId} of <Link to={origin.path}>{origin.rfpTitle ? `the RFP “${origin.rfpTitle}”` : `RFP #${origin.rfpId}`}</Link>, paid from
            its escrow
          </>
        ) : (
          <>
            <Link to={origin.path}>{origin.title ? `the draft “${origin.title}”` : `draft #${origin.actionId}`}</Link>, approved by the {origin.daoName}
          </>
        )}
      </dd>
    </>
  )
}
