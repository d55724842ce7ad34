import TurndownService from 'turndown'
import { isRichTextHtml } from './rich-text'

// The other direction of rich-text.ts: the portal's forms take markdown, the documents hold HTML
// (from the real frontends' editors or from the portal's own markdown). A form that edits a stored
// document pre-fills the markdown the user can edit, never the HTML tags. Plain text and markdown
// (older documents) are already editable and stay as they are. Only the editors' allow-listed
// formatting matters here; anything else turndown keeps as its text.

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' })
// <u>, <s>, <del> have no markdown of their own: keep the words, lose the decoration.
turndown.addRule('no-markdown-decoration', { filter: ['u', 's', 'del', 'sub', 'sup'], replacement: (content) => content })
turndown.remove(['script', 'style', 'textarea', 'iframe', 'object', 'embed'])

/** A rich-text field as markdown a form can pre-fill ("" stays ""). */
export function richTextToMarkdown(text: string): string {
  if (!isRichTextHtml(text)) return text
  return turndown.turndown(text).trim()
}
