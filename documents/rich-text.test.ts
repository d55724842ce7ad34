import { describe, expect, it } from 'vitest'
import { isRichTextHtml, markdownToRichText } from './rich-text'

// What the portal writes into a rich-text field for markdown typed in its forms: the HTML the
// frontends' editors would have written, already sanitized.

describe('markdownToRichText', () => {
  it('writes markdown as editor HTML', () => {
    expect(markdownToRichText('I would **start** with:\n\n1. the collector\n2. [tests](https://x.example)')).toBe(
      '<p>I would <strong>start</strong> with:</p>\n<ol>\n<li>the collector</li>\n<li><a href="https://x.example">tests</a></li>\n</ol>',
    )
    expect(markdownToRichText('')).toBe('')
    expect(markdownToRichText('   ')).toBe('')
  })

  it('never writes scripts, handlers, images or unsafe links', () => {
    const html = markdownToRichText('Hi <img src=x onerror=alert(1)> <script>steal()</script> [x](javascript:alert(1)) <a href="https://ok.example" onclick="x()">ok</a>')
    expect(html).toBe('<p>Hi   <a>x</a> <a href="https://ok.example">ok</a></p>')
  })

  it('keeps HTML it is given as the editors wrote it (sanitized)', () => {
    expect(markdownToRichText('<p>Already <em>rich</em></p><p><script>x</script>done</p>')).toBe('<p>Already <em>rich</em></p><p>done</p>')
  })
})

describe('isRichTextHtml', () => {
  it('tells editor HTML from plain text and markdown', () => {
    for (const html of ['<p>a</p>', ' <h2>T</h2>', '<ol><li>x</li></ol>', '<p class="ql-align-center">c</p>', '<blockquote>q</blockquote>']) expect(isRichTextHtml(html), html).toBe(true)
    for (const text of ['plain', '## Title', '- item', '<notatag>', 'a <p>b</p>', '< p>', '<strong>Note</strong>: **bold**', '<pre2>']) expect(isRichTextHtml(text), text).toBe(false)
  })
})
