import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { envVariable } from '#config/env'
import { bundleMDX } from 'mdx-bundler'
import rehypeHighlight from 'rehype-highlight'
import type { Problem } from './problems'
import { rehypeInlineImages } from './rehype-inline-images.server'

// Lessons are compiled with mdx-bundler once per content hash. The result is kept in memory
// (a small LRU) and on disk under .cache/mdx/, so a restart does not recompile anything.
// esbuild is heavy on a 2-core machine, so compilations run one at a time through a promise
// queue, and concurrent requests for the same lesson share one compilation.

/** Bump when the compile options change: it is part of every cache key. */
const OPTIONS_VERSION = 1
const COMPILER_VERSION = [
  `options-${OPTIONS_VERSION}`,
  `mdx-bundler-${packageVersion('mdx-bundler')}`,
  `rehype-highlight-${packageVersion('rehype-highlight')}`,
].join('+')

export type CompileInput = {
  /** The whole lesson file, frontmatter included. */
  source: string
  /** The file the source came from: images resolve against its folder, errors name it. */
  file: string
  courseDir: string
  /** Hash of the course's images, which are inlined into the bundle. */
  assetsHash: string
}

// Any unified plugin: mdx-bundler's options type is stricter than what we need to pass through.
type Pluggable = unknown

export class MdxCompileError extends Error {
  override name = 'MdxCompileError'
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`).join('\n'))
  }
}

/** One uncached compilation; `remarkPlugins` lets the checker inspect the parsed tree. */
export async function bundleLesson(input: CompileInput, options: { remarkPlugins?: Pluggable[] } = {}): Promise<string> {
  try {
    const result = await bundleMDX({
      source: input.source,
      cwd: input.courseDir,
      mdxOptions(mdxOptions) {
        // Extra plugins go first, so they see the tree before remark-mdx-frontmatter adds its export.
        mdxOptions.remarkPlugins = [...((options.remarkPlugins ?? []) as never[]), ...(mdxOptions.remarkPlugins ?? [])]
        mdxOptions.rehypePlugins = [
          ...(mdxOptions.rehypePlugins ?? []),
          [rehypeInlineImages, { baseDir: path.dirname(input.file), courseDir: input.courseDir }],
          [rehypeHighlight, { detect: false }],
        ] as never[]
        return mdxOptions
      },
      esbuildOptions(esbuildOptions) {
        esbuildOptions.target = 'es2020'
        esbuildOptions.logLevel = 'silent'
        return esbuildOptions
      },
    })
    return result.code
  } catch (error) {
    throw new MdxCompileError(toProblems(error, input.file))
  }
}

function toProblems(error: unknown, file: string): Problem[] {
  type EsbuildMessage = { text: string; location?: { line: number } | null; detail?: { cause?: { reason?: string } } }
  const errors = (error as { errors?: EsbuildMessage[] }).errors
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.map((entry) => {
      const reason = entry.detail?.cause?.reason ?? entry.text.replace(/^Cannot process MDX file with esbuild:\s*(\d+:\d+:\s*)?/, '')
      return { file, line: entry.location?.line ?? 1, message: `MDX: ${reason.split('\n')[0]}` }
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  const line = (error as { line?: number }).line
  return [{ file, line: typeof line === 'number' ? line : 1, message: `MDX: ${message.split('\n')[0]}` }]
}

export type MdxCompiler = {
  compile(input: CompileInput): Promise<{ code: string; key: string }>
  readonly stats: { compiled: number; memoryHits: number; diskHits: number }
}

export function cacheKey(input: CompileInput): string {
  return createHash('sha256').update(COMPILER_VERSION).update('\0').update(input.assetsHash).update('\0').update(input.source).digest('hex')
}

export function createMdxCompiler(options: { cacheDir: string; maxEntries?: number }): MdxCompiler {
  const maxEntries = options.maxEntries ?? 200
  const memory = new Map<string, string>()
  const inFlight = new Map<string, Promise<string>>()
  let queue: Promise<unknown> = Promise.resolve()
  const stats = { compiled: 0, memoryHits: 0, diskHits: 0 }

  const remember = (key: string, code: string) => {
    memory.delete(key)
    memory.set(key, code)
    while (memory.size > maxEntries) memory.delete(memory.keys().next().value!)
  }

  const readDisk = (key: string): string | null => {
    try {
      const entry = JSON.parse(fs.readFileSync(path.join(options.cacheDir, `${key}.json`), 'utf8')) as { key?: string; code?: unknown }
      return entry.key === key && typeof entry.code === 'string' ? entry.code : null
    } catch {
      return null
    }
  }

  const writeDisk = (key: string, code: string) => {
    try {
      fs.mkdirSync(options.cacheDir, { recursive: true })
      const target = path.join(options.cacheDir, `${key}.json`)
      const temp = `${target}.${process.pid}.tmp`
      fs.writeFileSync(temp, JSON.stringify({ key, code }))
      fs.renameSync(temp, target) // atomic: a reader never sees half a file
    } catch (error) {
      console.warn(`mdx cache: could not write ${key}: ${(error as Error).message}`)
    }
  }

  return {
    stats,
    async compile(input) {
      const key = cacheKey(input)
      const cached = memory.get(key)
      if (cached !== undefined) {
        stats.memoryHits++
        remember(key, cached)
        return { code: cached, key }
      }
      const fromDisk = readDisk(key)
      if (fromDisk !== null) {
        stats.diskHits++
        remember(key, fromDisk)
        return { code: fromDisk, key }
      }
      let pending = inFlight.get(key)
      if (!pending) {
        pending = queue.then(async () => {
          const code = await bundleLesson(input)
          stats.compiled++
          writeDisk(key, code)
          remember(key, code)
          return code
        })
        queue = pending.catch(() => undefined)
        inFlight.set(key, pending)
        void pending.finally(() => inFlight.delete(key)).catch(() => undefined)
      }
      return { code: await pending, key }
    },
  }
}

// One compiler per server process, surviving `npm run dev` rebuilds.
const globalForMdx = globalThis as unknown as { mdxCompiler?: MdxCompiler }

export function getMdxCompiler(): MdxCompiler {
  globalForMdx.mdxCompiler ??= createMdxCompiler({ cacheDir: path.resolve(envVariable('MDX_CACHE_DIR')) })
  return globalForMdx.mdxCompiler
}

function packageVersion(name: string): string {
  try {
    // Read from the repository root (every process runs there); some packages do not export package.json.
    return (JSON.parse(fs.readFileSync(path.resolve('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}
