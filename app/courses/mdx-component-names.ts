/** The components lessons may use; the MDX checker rejects any other capitalized tag. */
export const mdxComponentNames = ['Callout', 'Figure', 'Quiz', 'TaskLink', 'ProposalLink'] as const

export const calloutTypes = ['note', 'tip', 'warning', 'danger'] as const
export type CalloutType = (typeof calloutTypes)[number]
