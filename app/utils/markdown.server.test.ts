import { Parser } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { renderMarkdown, renderOptionalMarkdown } from './markdown.server'
import { isSafeLinkUrl } from './safe-url'
import { hostileLinkUrls, xssPayloads } from './testing/xss-fixtures'

const allowedTags = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
  'em', 'strong', 'u', 'del', 's', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
])
const allowedAttributes: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel', 'target']),
  ol: new Set(['start']),
  th: new Set(['align']),
  td: new Set(['align']),
}

/** Every element and attribute of the output, as a browser's parser would see them. */
function elementsOf(html: string) {
  const elements: { tag: string; attributes: Record<string, string> }[] = []
  const parser = new Parser({ onopentag: (tag, attributes) => elements.push({ tag, attributes }) }, { decodeEntities: true })
  parser.write(html)
  parser.end()
  return elements
}

function expectInert(html: string) {
  for (const { tag, attributes } of elementsOf(html)) {
    expect(allowedTags.has(tag), `tag <${tag}> in ${html}`).toBe(true)
    for (const [name, value] of Object.entries(attributes)) {
      expect(allowedAttributes[tag]?.has(name), `attribute ${name} on <${tag}> in ${html}`).toBe(true)
      if (name === 'href') expect(isSafeLinkUrl(value), `href ${value}`).toBe(true)
    }
    if (tag === 'a' && attributes.href) {
      expect(attributes.rel).toBe('noopener noreferrer nofollow')
    }
  }
  expect(html).not.toMatch(/javascript:|vbscript:|data:text/i)
}

describe('renderMarkdown', () => {
  it('keeps ordinary markdown: headings, lists, code, tables, safe links', () => {
    const html = renderMarkdown(
      '# Goal\n\n- one\n- **two**\n\n```ts\nconst a = 1 < 2\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://openmesh.network/docs) and <mailto:team@openmesh.network>',
    )
    expect(html).toContain('<h1>Goal</h1>')
    expect(html).toContain('<strong>two</strong>')
    expect(html).toContain('const a = 1 &lt; 2')
    expect(html).toContain('<td>1</td>')
    expect(html).toContain(
      '<a href="https://openmesh.network/docs" rel="noopener noreferrer nofollow" target="_blank">docs</a>',
    )
    expect(html).toContain('href="mailto:team@openmesh.network"')
    expectInert(html)
  })

  it.each(xssPayloads.map((payload, index) => [index + 1, payload]))('renders XSS payload %i inert', (_, payload) => {
    expectInert(renderMarkdown(payload as string))
    // Also inside surrounding text and in list items, where markdown parses differently.
    expectInert(renderMarkdown(`Intro text ${payload as string} outro`))
    expectInert(renderMarkdown(`- item\n- ${payload as string}`))
  })

  it('has at least twenty payloads to check', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(20)
  })

  it('turns a link to a forbidden scheme into its plain text', () => {
    expect(renderMarkdown('[click me](javascript:alert(1))')).toBe('<p>click me</p>\n')
    for (const url of hostileLinkUrls) {
      const html = renderMarkdown(`<a href="${url}">x</a> [y](${url})`)
      expectInert(html)
      expect(html).not.toContain('href')
    }
  })

  it('drops the text of script and style elements instead of showing it', () => {
    const html = renderMarkdown('before\n\n<script>steal()</script>\n\n<style>body{}</style>\n\nafter')
    expect(html).not.toContain('steal')
    expect(html).not.toContain('body{}')
    expect(html).toContain('before')
    expect(html).toContain('after')
  })

  it('answers null for a missing or blank text', () => {
    expect(renderOptionalMarkdown(undefined)).toBeNull()
    expect(renderOptionalMarkdown('  \n ')).toBeNull()
    expect(renderOptionalMarkdown(42)).toBeNull()
    expect(renderOptionalMarkdown('hi')).toBe('<p>hi</p>\n')
  })
})

describe('rich text (HTML from the frontends’ editors)', () => {
  it('renders react-quill HTML as it is, not as markdown', () => {
    // As markdown, "*not emphasis*" inside the HTML and the indented line would be reinterpreted.
    const quill = '<p>Plan: <strong>two</strong> steps, *not emphasis*</p><ol><li>one</li><li><u>two</u></li></ol><p>    not code</p>'
    const html = renderMarkdown(quill)
    expect(html).toBe(quill)
    expectInert(html)
  })

  it('still renders plain text and markdown as markdown', () => {
    expect(renderMarkdown('## Deliverables\n- a')).toBe('<h2>Deliverables</h2>\n<ul>\n<li>a</li>\n</ul>\n')
  })

  // Markdown payloads stay text inside HTML (no link is made of them), so only the HTML ones are checked here.
  it.each(xssPayloads.filter((payload) => payload.includes("<")).map((payload, index) => [index + 1, payload]))("renders HTML XSS payload %i inside editor HTML inert", (_, payload) => {
    expectInert(renderMarkdown(`<p>Intro ${payload as string}</p>`))
  })

  it('adds the untrusted-link attributes to an editor’s links', () => {
    expect(renderMarkdown('<p><a href="https://openmesh.network" target="_self">site</a></p>')).toBe(
      '<p><a href="https://openmesh.network" target="_blank" rel="noopener noreferrer nofollow">site</a></p>',
    )
  })
})

describe('isSafeLinkUrl', () => {
  it('accepts http(s) and mailto only', () => {
    expect(isSafeLinkUrl('https://github.com/openmesh-network')).toBe(true)
    expect(isSafeLinkUrl('http://localhost:3000/x')).toBe(true)
    expect(isSafeLinkUrl('mailto:a@b.c')).toBe(true)
    for (const url of [...hostileLinkUrls, 'ftp://x.y/z', '/relative', '', 'not a url', 42]) {
      expect(isSafeLinkUrl(url), String(url)).toBe(false)
    }
  })
})
