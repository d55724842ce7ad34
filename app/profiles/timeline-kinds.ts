// The kinds of timeline entry a profile can be filtered by, with their labels. Not in the model's
// .server file: the profile page's filter form renders them in the browser too.

export const timelineKinds = ['tasks', 'votes', 'proposals', 'actions', 'membership', 'courses', 'certificates'] as const
export type TimelineKind = (typeof timelineKinds)[number]

export const timelineKindLabels: Record<TimelineKind, string> = {
  tasks: 'Tasks',
  votes: 'Votes',
  proposals: 'Proposals',
  actions: 'Optimistic actions',
  membership: 'Membership',
  courses: 'Courses',
  certificates: 'Certificates',
}
