// Characters that change how text looks without being seen: bidirectional controls (an RLO
// turns "0x1234…cdef" into something that reads like another address, "100" into "001") and
// zero-width or invisible characters (two names that look alike but differ, a link text that
// hides a word). Untrusted text — titles, names, reasons, links, tags, bios from the chain, IPFS
// or users — is either stripped of them (plain text: stripHiddenChars) or shows each one as a
// visible ⟨U+202E⟩ mark (text a reader should see was tampered with: revealHiddenChars). This is
// the one list of them; the document readers, the form fields, the markdown renderer and
// <UntrustedText> all use it.

const NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x00ad: 'SOFT HYPHEN',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
}

/** Every hidden character: the named ones and the Unicode tag characters (U+E0000–U+E007F, invisible "ASCII smuggling"). */
const HIDDEN = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g

export function hasHiddenChars(text: string): boolean {
  HIDDEN.lastIndex = 0
  return HIDDEN.test(text)
}

/** The text without any hidden character: for plain text, attributes, titles, addresses. */
export function stripHiddenChars(text: string): string {
  return text.replace(HIDDEN, '')
}

export type TextPart = { text: string } | { hidden: string; title: string }

/** The text in parts, each hidden character as its own part: "⟨U+202E⟩" and its Unicode name. */
export function revealHiddenChars(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) })
    parts.push(describe(match[0]))
    last = match.index + match[0].length
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) })
  return parts
}

/** Already-escaped HTML text with each hidden character replaced by a visible, titled mark. */
export function revealHiddenCharsInHtml(escapedText: string): string {
  return escapedText.replace(HIDDEN, (char) => {
    const { hidden, title } = describe(char)
    return `<span class="hidden-char" title="${title}">${hidden}</span>`
  })
}

function describe(char: string): { hidden: string; title: string } {
  const code = char.codePointAt(0)!
  const hex = code.toString(16).toUpperCase().padStart(4, '0')
  const name = NAMES[code] ?? 'TAG CHARACTER'
  return { hidden: `⟨U+${hex}⟩`, title: `Hidden character U+${hex} ${name}, shown so it cannot disguise this text` }
}
