/** The components lessons may use; the MDX checker rejects any other capitalized tag. */
export const mdxComponentNames = ['Callout', 'Figure', 'Quiz', 'TaskLink', 'ProposalLink'] as const
export type MdxComponentName = (typeof mdxComponentNames)[number]

export const calloutTypes = ['note', 'tip', 'warning', 'danger'] as const
export type CalloutType = (typeof calloutTypes)[number]
