export const metadataKinds = ['task', 'application', 'submission', 'review', 'cancel', 'proposal', 'action', 'rejection'] as const
export type MetadataKind = (typeof metadataKinds)[number]
