import sanitizeHtml from 'sanitize-html'
import { RICH_TEXT_ALLOWED, unsanitizedHtml } from '#documents/rich-text'
import { revealHiddenCharsInHtml, stripHiddenChars } from './hidden-chars'
import { isSafeLinkUrl, UNTRUSTED_LINK_REL } from './safe-url'

// Text from chain metadata is untrusted. A rich-text field holds HTML as Openmesh's frontends
// write it (documents/rich-text.ts), which is sanitized as it is; plain text or markdown (older
// documents, other tools) is rendered with marked first. Then everything that is not on a short
// allowlist is removed: no scripts, no styles, no event handlers, no iframes or forms, links only
// to http(s)/mailto, images not at all (they would let any author track who reads a task).
// Sanitizing the output, not the input, is what makes it safe: whatever marked produces from
// hostile input goes through the same filter. Bidi controls and zero-width characters
// (./hidden-chars.ts) are shown as visible marks in the text and removed from attributes.

const sanitizeOptions: sanitizeHtml.IOptions = {
  ...RICH_TEXT_ALLOWED,
  // Text arrives escaped; the marks are the only markup added.
  textFilter: (escapedText) => revealHiddenCharsInHtml(escapedText),
  transformTags: {
    // A link to anything but http(s)/mailto becomes its plain text (span is not allowed, so
    // only its content survives).
    a: (tagName, attribs) =>
      isSafeLinkUrl(attribs.href)
        ? { tagName, attribs: { ...attribs, rel: UNTRUSTED_LINK_REL, target: '_blank' } }
        : { tagName: 'span', attribs: {} },
  },
}

/** Rich text (HTML) or markdown → HTML that is safe to put in the page with dangerouslySetInnerHTML. */
export function renderMarkdown(text: string): string {
  // What is left of them after the text filter sits in attribute values (a link's href, a title).
  return stripHiddenChars(sanitizeHtml(unsanitizedHtml(text), sanitizeOptions))
}

/** Rich text or markdown → safe HTML, or null for missing/blank text (so the page can say "no description"). */
export function renderOptionalMarkdown(text: unknown): string | null {
  if (typeof text !== 'string' || text.trim() === '') return null
  return renderMarkdown(text)
}
