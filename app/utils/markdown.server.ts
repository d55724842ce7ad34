import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { isSafeLinkUrl, UNTRUSTED_LINK_REL } from './safe-url'

// Markdown from chain metadata is untrusted. It is rendered with marked and then everything
// that is not on a short allowlist is removed: no scripts, no styles, no event handlers, no
// iframes or forms, links only to http(s)/mailto, images not at all (they would let any
// author track who reads a task). Sanitizing the output, not the input, is what makes it safe:
// whatever marked produces from hostile input goes through the same filter.

const marked = new Marked({ async: false, gfm: true, breaks: false })


const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
    'em', 'strong', 'del', 's', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
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
  transformTags: {
    // A link to anything but http(s)/mailto becomes its plain text (span is not allowed, so
    // only its content survives).
    a: (tagName, attribs) =>
      isSafeLinkUrl(attribs.href)
        ? { tagName, attribs: { ...attribs, rel: UNTRUSTED_LINK_REL, target: '_blank' } }
        : { tagName: 'span', attribs: {} },
  },
}

/** Markdown → HTML that is safe to put in the page with dangerouslySetInnerHTML. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string
  return sanitizeHtml(html, sanitizeOptions)
}

/** Markdown → safe HTML, or null for missing/blank text (so the page can say "no description"). */
export function renderOptionalMarkdown(markdown: unknown): string | null {
  if (typeof markdown !== 'string' || markdown.trim() === '') return null
  return renderMarkdown(markdown)
}
