import { getMDXComponent } from 'mdx-bundler/client'
import * as React from 'react'
import * as ReactDOM from 'react-dom'
import * as jsxRuntime from 'react/jsx-runtime'
import { lazy, Suspense, useMemo, type ComponentType } from 'react'
import { Callout } from './callout'
import { CodeBlock } from './code-block'
import { Figure } from './figure'
import { ProposalLink } from './proposal-link'
import { Quiz } from './quiz'
import { TaskLink } from './task-link'

// Keep in step with mdx-component-names.ts, which the checker uses.
const components = { Callout, Figure, Quiz, TaskLink, ProposalLink, pre: CodeBlock }

type MdxComponent = ComponentType<{ components: typeof components }>

/**
 * Renders a compiled lesson bundle with the portal's components. The server evaluates the
 * bundle directly; the browser imports it as a module instead, because the page's
 * Content-Security-Policy allows no eval (mdx-bundler's getMDXComponent uses `new Function`).
 * The import is asynchronous: while it loads, the Suspense boundary keeps the server's HTML
 * (on a first visit) or shows the fallback (after a client navigation).
 */
export function MdxContent({ code }: { code: string }) {
  const Component = useMemo(() => (typeof document === 'undefined' ? getMDXComponent(code) : browserComponent(code)), [code])
  return (
    <div className="lesson-body">
      <Suspense fallback={<p className="muted">Loading the lesson…</p>}>
        <Component components={components} />
      </Suspense>
    </div>
  )
}

// One lazy component per bundle, so a re-render does not import the bundle again.
const browserComponents = new Map<string, MdxComponent>()

function browserComponent(code: string): MdxComponent {
  let component = browserComponents.get(code)
  if (!component) {
    component = lazy(() => importBundle(code))
    browserComponents.set(code, component)
  }
  return component
}

/**
 * mdx-bundler's output is a function body over (React, ReactDOM, _jsx_runtime) that returns
 * the module's exports; wrapped as a module's default export it runs with no eval.
 */
async function importBundle(code: string): Promise<{ default: MdxComponent }> {
  const source = `export default function (React, ReactDOM, _jsx_runtime) {\n${code}\n}`
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  try {
    const module = (await import(/* @vite-ignore */ url)) as { default: (...scope: unknown[]) => { default: MdxComponent } }
    return { default: module.default(React, ReactDOM, jsxRuntime).default }
  } finally {
    URL.revokeObjectURL(url)
  }
}
