/**
 * Sanitized HTML from renderMarkdown (app/utils/markdown.server.ts, run in a loader): the only
 * place the pages set HTML. Never give it anything else.
 */
export function Markdown({ html, className }: { html: string; className?: string }) {
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />
}
