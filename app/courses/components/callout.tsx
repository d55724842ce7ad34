import type { ReactNode } from 'react'
import type { CalloutType } from '~/courses/mdx-component-names'

const labels: Record<CalloutType, string> = { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' }

export function Callout({ type = 'note', title, children }: { type?: CalloutType; title?: string; children?: ReactNode }) {
  const kind = type in labels ? type : 'note'
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ?? labels[kind]}>
      <p className="callout-title">{title ?? labels[kind]}</p>
      <div className="callout-body">{children}</div>
    </aside>
  )
}
