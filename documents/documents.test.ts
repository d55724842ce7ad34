import { describe, expect, it } from 'vitest'
import { documentSchemas, readDocument, richTextFields } from './kinds'
import { cidFromUri, isFetchableUri, parseMetadataUri } from './uri'

// One definition per document: what the portal writes is strict, what anyone wrote is read
// leniently — and what the portal writes always reads back whole.

const task = {
  title: 'Index the RFPs',
  tags: [{ tag: 'indexer' }],
  projectSize: 40,
  teamSize: 2,
  description: '<p>All of them</p>',
  resources: '<p>See the spec</p>',
  links: [{ name: 'Spec', url: 'https://spec.example' }],
  requiredCourse: 'intro-to-openmesh',
}

const rfp = {
  title: 'Indexers for every chain',
  tags: [{ tag: 'indexer' }],
  maxProjectFunding: '2500',
  maxAwardedProjects: 3,
  description: '<p>We fund indexers.</p>',
  projectRequirements: '<ul><li>tests</li></ul>',
  links: [],
}

describe('metadata documents', () => {
  it('reads back every field the portal writes, the course gate included', () => {
    expect(documentSchemas.task.parse(task)).toEqual(task)
    expect(readDocument('task', task)).toEqual(task)
    const proposal = { title: 'Fund the docs', summary: '<p>Two ETH</p>' }
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
    // Read-only fields are not written: a proposal is {title, summary} as the ovc-frontend writes it.
    expect(Object.keys(documentSchemas.proposal.shape)).toEqual(['title', 'summary'])
    expect(documentSchemas.rfp.safeParse({ ...rfp, maxProjectFunding: 'lots' }).success).toBe(false)
    expect(documentSchemas.task.safeParse({ ...task, managementExtension: '0x12' }).success).toBe(false)
  })

  it('writes every document field by field in the key order of the frontends, whatever order it was built in', () => {
    const written = (kind: Parameters<typeof readDocument>[0], doc: Record<string, unknown>) =>
      Object.keys(documentSchemas[kind].parse(Object.fromEntries(Object.entries(doc).reverse())))
    expect(written('task', { ...task, managementExtension: '0xF74d00000000000000000000000000000000a43a', nonce: '7' })).toEqual([
      'title', 'tags', 'projectSize', 'teamSize', 'description', 'resources', 'links', 'managementExtension', 'nonce', 'requiredCourse',
    ])
    expect(written('application', { teamSize: 1, plan: '<p>p</p>', background: '' })).toEqual(['teamSize', 'plan', 'background'])
    expect(written('dispute', { title: 'Unfair review', summary: 'Paid 60%', body: '<p>Details</p>' })).toEqual(['title', 'summary', 'body'])
    expect(written('rfp', rfp)).toEqual(['title', 'tags', 'maxProjectFunding', 'maxAwardedProjects', 'description', 'projectRequirements', 'links'])
    expect(written('project', task)).toEqual(['title', 'tags', 'projectSize', 'teamSize', 'description', 'resources', 'links', 'requiredCourse'])
    expect(written('action', { title: 'Add Ivan', summary: '<p>CI</p>' })).toEqual(['title', 'summary'])
    expect(written('rejection', { reason: '<p>Not yet</p>' })).toEqual(['reason'])
    expect(written('profile', { title: 'Ada', description: 'Collectors', links: [] })).toEqual(['title', 'description', 'links'])
    for (const kind of ['submission', 'review', 'cancel'] as const) expect(Object.keys(documentSchemas[kind].shape)).toHaveLength(1)
  })

  it('names the rich-text (HTML) fields of each document', () => {
    expect(richTextFields.task).toEqual(['description', 'resources'])
    expect(richTextFields.application).toEqual(['plan', 'background'])
    expect(richTextFields.dispute).toEqual(['body'])
    expect(richTextFields.rfp).toEqual(['description', 'projectRequirements'])
    expect(richTextFields.proposal).toEqual(['summary'])
    expect(richTextFields.rejection).toEqual(['reason'])
    expect(richTextFields.profile).toEqual([])
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

  it('reads CIDv1 and CIDv0 URIs; the empty string is no document at all', () => {
    const v0 = 'QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH'
    expect(parseMetadataUri(`ipfs://${v0}`)).toEqual({ type: 'ipfs', cid: v0, path: '' })
    expect(cidFromUri(`ipfs://${cid}`)).toBe(cid)
    expect(parseMetadataUri('')).toBeUndefined()
  })

  it('fetches ipfs://, https:// and http:// (as the real frontends read them) only', () => {
    expect(isFetchableUri(`ipfs://${cid}`)).toBe(true)
    expect(isFetchableUri('https://docs.example/task.json')).toBe(true)
    expect(parseMetadataUri('http://docs.example/task.json')).toEqual({ type: 'web', url: 'http://docs.example/task.json' })
    expect(parseMetadataUri('HTTPS://Docs.Example/a b.json')).toEqual({ type: 'web', url: 'https://docs.example/a%20b.json' })
    for (const uri of ['http://user:pw@docs.example/task.json', 'ftp://docs.example/x', 'file:///etc/passwd', 'hello world', 'http://', ''])
      expect(isFetchableUri(uri), uri).toBe(false)
  })
})
