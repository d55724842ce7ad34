// The kinds of inbox item, one per thing a person wants to hear about (issue 24, point 3). The
// same names are what a person subscribes to per channel (feed, webhook, e-mail), so they are
// stored: renaming one is a data migration.

export const inboxKinds = [
  'application-accepted',
  'submission-reviewed',
  'task-application',
  'task-submission',
  'task-dispute',
  'proposal-ending',
  'action-executable',
  'certificate-issued',
  'membership',
] as const
export type InboxKind = (typeof inboxKinds)[number]

export const inboxKindLabels: Record<InboxKind, string> = {
  'application-accepted': 'Your application was accepted',
  'submission-reviewed': 'Your submission was reviewed',
  'task-application': 'An application on a task you manage',
  'task-submission': 'A submission on a task you manage',
  'task-dispute': 'A dispute on your task',
  'proposal-ending': 'A proposal ends within 24 hours and you have not voted',
  'action-executable': 'An optimistic action becomes executable soon (your last chance to reject it)',
  'certificate-issued': 'A certificate was issued to you',
  membership: 'Your membership request moved',
}

export function isInboxKind(value: unknown): value is InboxKind {
  return typeof value === 'string' && (inboxKinds as readonly string[]).includes(value)
}
