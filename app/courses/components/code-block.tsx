import { isValidElement, type ComponentProps } from 'react'

/** Replaces <pre> in lessons: rehype-highlight has already turned the code into spans. */
export function CodeBlock(props: ComponentProps<'pre'>) {
  const child = props.children
  const className = isValidElement<{ className?: string }>(child) ? child.props.className ?? '' : ''
  const language = /language-([\w-]+)/.exec(className)?.[1]
  return (
    <div className="code-block">
      {language ? <span className="code-language">{language}</span> : null}
      <pre {...props} tabIndex={0} />
    </div>
  )
}
