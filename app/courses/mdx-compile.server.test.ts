import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cacheKey, createMdxCompiler, MdxCompileError, type CompileInput } from './mdx-compile.server'
import { lessonSource, writeFile } from './testing/course-fixtures'

const courseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-course-'))
writeFile(courseDir, 'images/dot.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><circle r="2" cx="2" cy="2"/></svg>')
const input = (body: string): CompileInput => ({
  source: lessonSource('A lesson', body),
  file: path.join(courseDir, '01-a.mdx'),
  courseDir,
  assetsHash: 'assets-1',
})

describe('compiling lessons', () => {
  it('highlights code, inlines course images and keeps components as references', async () => {
    const compiler = createMdxCompiler({ cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-cache-')) })
    const { code } = await compiler.compile(
      input('```ts\nconst answer: number = 42\n```\n\n![A dot](./images/dot.svg)\n\n<Callout type="tip">Hi</Callout>'),
    )
    expect(code).toContain('hljs-keyword')
    expect(code).toContain('data:image/svg+xml;base64,')
    expect(code).toContain('Callout')
  })

  it('compiles once per content hash: memory, then disk across compiler instances', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-cache-'))
    const first = createMdxCompiler({ cacheDir })
    const a = await first.compile(input('Hello **world**.'))
    await first.compile(input('Hello **world**.'))
    expect(first.stats).toEqual({ compiled: 1, memoryHits: 1, diskHits: 0 })
    expect(fs.existsSync(path.join(cacheDir, `${a.key}.json`))).toBe(true)

    const second = createMdxCompiler({ cacheDir })
    const b = await second.compile(input('Hello **world**.'))
    expect(b.code).toBe(a.code)
    expect(second.stats).toEqual({ compiled: 0, memoryHits: 0, diskHits: 1 })

    // An edit is a new hash: compiled again (this is what `npm run dev` relies on).
    const edited = await second.compile(input('Hello **there**.'))
    expect(edited.key).not.toBe(a.key)
    expect(edited.code).toContain('there')
    expect(second.stats.compiled).toBe(1)
  })

  it('keys on the images too, and ignores a corrupt disk entry', async () => {
    expect(cacheKey(input('x'))).not.toBe(cacheKey({ ...input('x'), assetsHash: 'assets-2' }))
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-cache-'))
    fs.writeFileSync(path.join(cacheDir, `${cacheKey(input('Corrupt.'))}.json`), '{not json')
    const compiler = createMdxCompiler({ cacheDir })
    expect((await compiler.compile(input('Corrupt.'))).code).toContain('Corrupt.')
    expect(compiler.stats.compiled).toBe(1)
  })

  it('runs one compilation at a time and shares concurrent requests for the same lesson', async () => {
    const compiler = createMdxCompiler({ cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-cache-')) })
    const results = await Promise.all([
      compiler.compile(input('Same.')),
      compiler.compile(input('Same.')),
      compiler.compile(input('Other.')),
      compiler.compile(input('Same.')),
    ])
    expect(new Set(results.map((result) => result.key)).size).toBe(2)
    expect(compiler.stats.compiled).toBe(2)
  })

  it('keeps a small in-memory LRU', async () => {
    const compiler = createMdxCompiler({ cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-cache-')), maxEntries: 1 })
    await compiler.compile(input('One.'))
    await compiler.compile(input('Two.'))
    await compiler.compile(input('One.')) // evicted from memory, still on disk
    expect(compiler.stats).toMatchObject({ compiled: 2, diskHits: 1, memoryHits: 0 })
  })

  it('reports MDX errors with the file and line, and a failed compile does not block the queue', async () => {
    const compiler = createMdxCompiler({ cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mdx-cache-')) })
    const failure = compiler.compile(input('Fine.\n\n<Callout>unclosed'))
    await expect(failure).rejects.toBeInstanceOf(MdxCompileError)
    await expect(failure).rejects.toMatchObject({ problems: [{ file: path.join(courseDir, '01-a.mdx'), line: expect.any(Number) }] })
    expect((await compiler.compile(input('After.'))).code).toContain('After.')
  })
})
