import type { WorkItem } from '~/models/my-work.server'

// What an unfinished task waits on, for the person looking at their own work: their own move
// ("you") or someone else's. Follows the Tasks contract's flow (open → taken → closed).

export type WaitingOn = { who: 'you' | 'others'; text: string }

export function waitingOn(item: WorkItem): WaitingOn {
  switch (item.role) {
    case 'manager':
      if (item.state === 'open') {
        if (item.openApplications > 0) return { who: 'you', text: `Accept an application (${item.openApplications} waiting)` }
        if (item.acceptedApplications > 0) return { who: 'others', text: 'An accepted applicant to take the task' }
        return { who: 'others', text: 'Applications' }
      }
      if (item.unreviewedSubmissions > 0) return { who: 'you', text: 'Review the submission' }
      if (item.openCancelRequests > 0) return { who: 'others', text: 'The executor to accept your cancel request' }
      return { who: 'others', text: 'The executor’s submission' }
    case 'executor':
      if (item.openCancelRequests > 0) return { who: 'you', text: 'Answer the manager’s cancel request' }
      if (item.unreviewedSubmissions > 0) return { who: 'others', text: 'The manager’s review' }
      return { who: 'you', text: 'Submit your work' }
    case 'applicant':
      return item.accepted ? { who: 'you', text: 'Take the task: your application was accepted' } : { who: 'others', text: 'The manager to accept your application' }
  }
}

export const workRoleLabels = { manager: 'You manage', executor: 'You execute', applicant: 'You applied' } as const
