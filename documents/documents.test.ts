import { describe, expect, it } from 'vitest'
import { documentSchemas, readDocument } from './kinds'
import { cidFromUri, isFetchableUri, parseMetadataUri } from './uri'

// One definition per document: what the portal writes is strict, what anyone wrote is read
// leniently — and what the portal writes always reads back whole.

const task = {
  title: 'Index the RFPs',
  description: 'All of them',
  tags: [{ tag: 'indexer' }],
  projectSize: 40,
  teamSize: 2,
  resources: 'See the spec',
  links: [{ name: 'Spec', url: 'https://spec.example' }],
  requiredCourse: 'intro-to-openmesh',
}

describe('metadata documents', () => {
  it('reads back every field the portal writes, the course gate included', () => {
    expect(documentSchemas.task.parse(task)).toEqual(task)
    expect(readDocument('task', task)).toEqual(task)
    const proposal = { title: 'Fund the docs', summary: 'Two ETH', resources: [{ name: 'Plan', url: 'https://plan.example' }] }
    expect(readDocument('proposal', documentSchemas.proposal.parse(proposal))).toEqual(proposal)
    const action = { title: 'Add Ivan', summary: 'Ivan works on CI.' }
    expect(readDocument('action', documentSchemas.action.parse(action))).toEqual(action)
  })

  it('refuses to write what breaks the limits, and non-http links', () => {
    expect(documentSchemas.task.safeParse({ ...task, title: ' ' }).success).toBe(false)
    expect(documentSchemas.task.safeParse({ ...task, title: 'x'.repeat(121) }).success).toBe(false)
    expect(documentSchemas.task.safeParse({ ...task, links: [{ name: 'x', url: 'javascript:alert(1)' }] }).success).toBe(false)
    expect(documentSchemas.task.safeParse({ ...task, requiredCourse: '../admin' }).success).toBe(false)
    expect(documentSchemas.task.safeParse({ ...task, tags: Array.from({ length: 11 }, (_, i) => ({ tag: `t${i}` })) }).success).toBe(false)
    expect(documentSchemas.application.safeParse({ teamSize: 0, plan: 'p', background: '' }).success).toBe(false)
    // Read-only fields are not written.
    expect(Object.keys(documentSchemas.proposal.shape)).toEqual(['title', 'summary', 'resources'])
  })

  it('reads anyone’s document leniently: bounded, control characters out, unknown fields dropped, wrong types missing', () => {
    const read = readDocument('task', {
      title: 'A\u0000B'.padEnd(2_000, 'x'),
      description: { nested: true },
      tags: ['plain', { tag: ' spaced ' }, { tag: '' }, { nope: 1 }, 7],
      projectSize: '12',
      teamSize: -3,
      resources: [{ url: 'https://r.example' }, { name: 'no url' }],
      links: 'not a list',
      requiredCourse: 'Not A Slug',
      __proto__: { polluted: true },
      extra: '<script>',
    })
    expect(read).toEqual({
      title: `AB${'x'.repeat(478)}`,
      tags: [{ tag: 'plain' }, { tag: 'spaced' }],
      projectSize: 12,
      resources: [{ url: 'https://r.example' }],
    })
    expect(readDocument('rejection', { reason: 'no', description: 'because' })).toEqual({ reason: 'no', description: 'because' })
    for (const notObject of [null, 'text', 7, [1, 2]]) expect(readDocument('task', notObject)).toBeNull()
  })
})

describe('metadata URIs', () => {
  const cid = 'bafkreihaxfczi6d7p64zmvq5ipqelyaavesgkrgkzwvnteph5t3roq726y'
  it('takes the CID out of a whole-document ipfs:// URI', () => {
    expect(cidFromUri(`ipfs://${cid}`)).toBe(cid)
    expect(cidFromUri(`ipfs://${cid}/metadata.json`)).toBeNull()
    expect(parseMetadataUri(`ipfs://ipfs/${cid}/task.json`)).toEqual({ type: 'ipfs', cid, path: 'task.json' })
    expect(cidFromUri('https://x.y/ipfs/bafk')).toBeNull()
    expect(cidFromUri('ipfs://')).toBeNull()
    expect(cidFromUri('ipfs://not-a-cid')).toBeNull()
  })

  it('fetches ipfs:// and https:// only', () => {
    expect(isFetchableUri(`ipfs://${cid}`)).toBe(true)
    expect(isFetchableUri('https://docs.example/task.json')).toBe(true)
    for (const uri of ['http://docs.example/task.json', 'file:///etc/passwd', 'hello world', '']) expect(isFetchableUri(uri)).toBe(false)
  })
})
