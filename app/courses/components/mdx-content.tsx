import { getMDXComponent } from 'mdx-bundler/client'
import { useMemo } from 'react'
import { Callout } from './callout'
import { CodeBlock } from './code-block'
import { Figure } from './figure'
import { ProposalLink } from './proposal-link'
import { Quiz } from './quiz'
import { TaskLink } from './task-link'

// Keep in step with mdx-component-names.ts, which the checker uses.
const components = { Callout, Figure, Quiz, TaskLink, ProposalLink, pre: CodeBlock }

/** Renders a compiled lesson bundle with the portal's components. */
export function MdxContent({ code }: { code: string }) {
  const Component = useMemo(() => getMDXComponent(code), [code])
  return (
    <div className="lesson-body">
      <Component components={components} />
    </div>
  )
}
