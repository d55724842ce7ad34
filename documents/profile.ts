import { defineDocument, LIMITS, linkList, text } from './fields'

// A contributor's profile, in the shape Openmesh's OpenR&D app writes it (`{title, description}`,
// openrd-frontend components/profile/edit-profile.tsx), so a profile carries across: the same
// document, signed with the same message (`OpenR&D metadata: ipfs://<cid>`). The portal adds
// `links`, which OpenR&D's reader ignores (docs/decisions/047-contributor-profiles-openrd-signed-documents.md).
// `description` is rich text there (react-quill HTML): it is rendered through the sanitizer.

export const PROFILE_LIMITS = { title: 64, description: LIMITS.shortText, links: 5 } as const

export const profileDocument = defineDocument({
  /** The display name. */
  title: text(PROFILE_LIMITS.title, { readMax: PROFILE_LIMITS.title }),
  /** The bio. */
  description: text(PROFILE_LIMITS.description, { readMax: PROFILE_LIMITS.description }),
  links: linkList(),
})

/** The message a profile's owner signs for the document at `uri` (exactly OpenR&D's). */
export function profileSignatureMessage(uri: string): string {
  return `OpenR&D metadata: ${uri}`
}
