import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { readText } from '#documents/fields'
import { ExternalLinks } from '~/components/external-link'
import { UntrustedText } from '~/components/untrusted-text'
import { hasHiddenChars, revealHiddenChars, stripHiddenChars } from '~/utils/hidden-chars'
import { renderMarkdown } from '~/utils/markdown.server'

// Spoofing payloads as an attacker would write them into a title, a name, a reason or a link:
// an RLO that makes an address read backwards, a zero-width space inside a lookalike name, an
// isolate that hides an amount's digits, a BOM, and an invisible tag character.
const RLO_ADDRESS = 'Pay 0x1234\u202Efedcba9876\u202C to'
const PAYLOADS = [
  RLO_ADDRESS,
  'vit\u200Balik',
  'amount \u20661000\u2069 OPEN',
  '\uFEFFtitle',
  'a\u200E\u200F\u061C\u2060\u200C\u200Db',
  `tag${String.fromCodePoint(0xe0041)}`,
  'x\u202A\u202B\u202Dy\u2067\u2068',
]
const ALL_HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/

describe('hidden characters in untrusted text', () => {
  it('are found, and stripped from plain text', () => {
    for (const payload of PAYLOADS) {
      expect(hasHiddenChars(payload), payload).toBe(true)
      expect(stripHiddenChars(payload)).not.toMatch(ALL_HIDDEN)
    }
    expect(stripHiddenChars(RLO_ADDRESS)).toBe('Pay 0x1234fedcba9876 to')
    expect(hasHiddenChars('plain text, émoji 🙂 and العربية')).toBe(false)
    expect(stripHiddenChars('plain text, émoji 🙂 and العربية')).toBe('plain text, émoji 🙂 and العربية')
  })

  it('are removed by the document readers (titles, names, tags, links of every IPFS document)', () => {
    for (const payload of PAYLOADS) expect(readText(payload)).not.toMatch(ALL_HIDDEN)
  })

  it('are shown as visible, titled marks by <UntrustedText> and in links', () => {
    expect(revealHiddenChars(RLO_ADDRESS)).toEqual([
      { text: 'Pay 0x1234' },
      { hidden: '⟨U+202E⟩', title: expect.stringContaining('RIGHT-TO-LEFT OVERRIDE') },
      { text: 'fedcba9876' },
      { hidden: '⟨U+202C⟩', title: expect.stringContaining('POP DIRECTIONAL FORMATTING') },
      { text: ' to' },
    ])
    for (const payload of PAYLOADS) {
      const html = renderToStaticMarkup(<UntrustedText text={payload} />)
      expect(html).not.toMatch(ALL_HIDDEN)
      expect(html).toContain('<span class="hidden-char" title="Hidden character U+')
    }
    const links = renderToStaticMarkup(<ExternalLinks title="Links" links={[{ name: 'docs\u202Egpj.exe', url: 'https://example.org/\u200Bx' }]} />)
    expect(links).not.toMatch(ALL_HIDDEN)
    expect(links).toContain('href="https://example.org/x"')
    expect(links).toContain('docs<span class="hidden-char" title="Hidden character U+202E RIGHT-TO-LEFT OVERRIDE, shown so it cannot disguise this text">⟨U+202E⟩</span>gpj.exe')
  })

  it('are shown as marks in rendered markdown and rich text, and removed from its attributes', () => {
    for (const payload of PAYLOADS) {
      const html = renderMarkdown(`**${payload}** and [a link](https://example.org/${payload.replace(/ /g, '')})`)
      expect(html, payload).not.toMatch(ALL_HIDDEN)
      expect(html).toContain('class="hidden-char"')
    }
    const rich = renderMarkdown(`<p>Send to <strong>${RLO_ADDRESS}</strong></p>`)
    expect(rich).toBe(
      '<p>Send to <strong>Pay 0x1234<span class="hidden-char" title="Hidden character U+202E RIGHT-TO-LEFT OVERRIDE, shown so it cannot disguise this text">⟨U+202E⟩</span>fedcba9876<span class="hidden-char" title="Hidden character U+202C POP DIRECTIONAL FORMATTING, shown so it cannot disguise this text">⟨U+202C⟩</span> to</strong></p>',
    )
    // The marks are the only markup the filter adds: escaped text stays escaped.
    expect(renderMarkdown('<p>&lt;script&gt;\u202E</p>')).toContain('&lt;script&gt;<span class="hidden-char"')
  })
})
