import { revealHiddenChars } from '~/utils/hidden-chars'

/**
 * Untrusted plain text (a title, a name, a reason) with every bidi control or zero-width
 * character shown as a visible ⟨U+202E⟩ mark instead of acting on the text around it.
 */
export function UntrustedText({ text }: { text: string }) {
  return (
    <>
      {revealHiddenChars(text).map((part, index) =>
        'hidden' in part ? (
          <span key={index} className="hidden-char" title={part.title}>
            {part.hidden}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  )
}
