import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

// Rich-text (†) fields are HTML: Openmesh's frontends write them from a rich-text editor
// (react-quill in the openrd-frontend, Aragon's TextAreaRichText in the ovc-frontend). The portal's
// forms take markdown instead, and the portal writes the HTML it renders to, so that a document the
// portal stores reads the same in the real frontends (docs/decisions/019-rich-text-documents.md).
// Both the writing here and the pages' rendering (app/utils/markdown.server.ts) keep only the
// allow-list below.

const marked = new Marked({ async: false, gfm: true, breaks: false })

/** What a rich-text field may hold: the formatting of the editors, no scripts, styles, frames, forms or images. */
export const RICH_TEXT_ALLOWED: Pick<
  sanitizeHtml.IOptions,
  'allowedTags' | 'allowedAttributes' | 'allowedSchemes' | 'allowedSchemesAppliedToAttributes' | 'allowProtocolRelative' | 'disallowedTagsMode' | 'nonTextTags'
> = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
    'em', 'strong', 'u', 's', 'del', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside removed script/style/textarea elements is dropped with them, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed', 'svg', 'math'],
}

// An editor's output starts with a block element (Quill and tiptap wrap all text in <p>, <h1>,
// <ol>…). Markdown may start with inline HTML ("<strong>Note</strong>: …"): that stays markdown.
const EDITOR_HTML = /^\s*<(p|h[1-6]|ol|ul|blockquote|pre|div|table)(\s[^>]*)?>/i

/** True when a rich-text field holds HTML (as the frontends write it), false for plain text or markdown. */
export function isRichTextHtml(text: string): boolean {
  return EDITOR_HTML.test(text)
}

/** A rich-text field as HTML, NOT yet sanitized: HTML as it is, anything else rendered as markdown. */
export function unsanitizedHtml(text: string): string {
  return isRichTextHtml(text) ? text : (marked.parse(text) as string)
}

/** The HTML a rich-text field gets for markdown typed in a portal form ("" stays ""). */
export function markdownToRichText(markdown: string): string {
  if (markdown.trim() === '') return ''
  return sanitizeHtml(unsanitizedHtml(markdown), RICH_TEXT_ALLOWED).trim()
}
