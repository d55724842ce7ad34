// Names people chose (profile names, ENS names) are shown inline next to addresses, so they must
// read as what they are: no control characters, no bidirectional overrides or isolates that
// reorder the text around them, no zero-width characters that hide a lookalike.

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** The text with invisible and reordering characters removed and runs of spaces collapsed. */
export function displayText(value: string): string {
  return value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}
