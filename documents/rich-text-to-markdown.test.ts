import { describe, expect, it } from 'vitest'
import { markdownToRichText } from './rich-text'
import { richTextToMarkdown } from './rich-text-to-markdown'

// A form that edits a stored document pre-fills markdown: what the user can edit, and what stores
// the same HTML again when saved unchanged.

describe('richTextToMarkdown', () => {
  it('turns the editors’ HTML into markdown, with no tags left', () => {
    const html = '<h2>Goal</h2><p>Build <strong>the</strong> <em>indexer</em>, see <a href="https://openmesh.network">the site</a>.</p><ul><li>one</li><li>two</li></ul>'
    const markdown = richTextToMarkdown(html)
    expect(markdown).toBe('## Goal\n\nBuild **the** *indexer*, see [the site](https://openmesh.network).\n\n-   one\n-   two')
    expect(markdown).not.toMatch(/<[a-z]/i)
  })

  it('stores the same HTML again when the pre-filled markdown is saved unchanged', () => {
    for (const markdown of ['A paragraph with **bold** and `code`.\n\n1. first\n2. second', '> quoted\n\n```\nconst a = 1\n```']) {
      const html = markdownToRichText(markdown)
      expect(markdownToRichText(richTextToMarkdown(html))).toBe(html)
    }
  })

  it('keeps plain text and markdown (older documents) as they are', () => {
    expect(richTextToMarkdown('Just **markdown** here')).toBe('Just **markdown** here')
    expect(richTextToMarkdown('')).toBe('')
  })

  it('drops what an editor never writes, keeps the words of underline and strike', () => {
    expect(richTextToMarkdown('<p>keep <u>under</u> <s>struck</s></p><script>alert(1)</script>')).toBe('keep under struck')
  })
})
