import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MetadataNotice } from './metadata-notice'

const text = (props: Parameters<typeof MetadataNotice>[0]) => renderToStaticMarkup(createElement(MetadataNotice, props)).replace(/<[^>]+>/g, '')

describe('the missing-metadata notice', () => {
  it('ends the indexer’s reason as a sentence before the next one', () => {
    expect(text({ state: 'unavailable', error: 'HTTP 404', subject: 'task' })).toBe('Metadata unavailable: HTTP 404. The facts below come from the chain.')
    expect(text({ state: 'invalid', error: 'The document does not have the expected fields.', subject: 'task' })).toBe(
      'Metadata unavailable: The document does not have the expected fields. The facts below come from the chain.',
    )
  })

  it('says when it is still being fetched, or there is none', () => {
    expect(text({ state: 'pending', error: null, subject: 'task' })).toBe('Metadata unavailable: the description is still being fetched. The facts below come from the chain.')
    expect(text({ state: 'none', error: null, subject: 'proposal' })).toBe('Metadata unavailable: the proposal has no metadata. The facts below come from the chain.')
  })

  it('renders the reason as text, never as markup', () => {
    const html = renderToStaticMarkup(createElement(MetadataNotice, { state: 'unavailable', error: '<img src=x onerror=alert(1)>', subject: 'task' }))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img')
  })
})
