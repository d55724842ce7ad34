import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { RemixBuild } from './remix-build'

// What a first visit to each page route downloads in JavaScript, from a Remix build: the
// manifest script, the client entry, and every route module of the matched chain (root → …
// → the page) with the modules they import statically, each file gzipped on its own as the
// server sends it. Dynamic imports (code loaded later, e.g. the wallet on Connect) are not
// part of a first visit. The static imports are followed through esbuild's metafile, so a
// chunk importing another chunk counts too.

export const KB = 1000

export type RouteBundle = {
  id: string
  /** The URL pattern, e.g. /courses/:course/:lesson. */
  path: string
  files: string[]
  gzipBytes: number
  budgetBytes: number
}

type Manifest = {
  url: string
  entry: { module: string; imports?: string[] }
  routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[] }>
}

type Metafile = { outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, { bytesInOutput: number }> }> }

/** First visits that must stay light (wallet code loads only on Connect): `/`, `/tasks`, `/courses/*`. */
const LIGHT_ROUTES = /^routes\/(_index|tasks\._index|courses\..*)$/
export const LIGHT_BUDGET = 120 * KB
export const ROUTE_BUDGET = 250 * KB

export function budgetFor(routeId: string): number {
  return LIGHT_ROUTES.test(routeId) ? LIGHT_BUDGET : ROUTE_BUDGET
}

export function measureRouteBundles(build: RemixBuild): RouteBundle[] {
  const manifest = readManifest(build.assetsDir)
  const imports = staticImports(build)
  const gzipSizes = new Map<string, number>()
  const gzipSize = (url: string) => {
    let size = gzipSizes.get(url)
    if (size === undefined) gzipSizes.set(url, (size = zlib.gzipSync(fs.readFileSync(assetFile(build, url))).length))
    return size
  }
  const closure = (urls: string[], into: Set<string>) => {
    for (const url of urls) {
      if (into.has(url)) continue
      into.add(url)
      closure(imports.get(url) ?? [], into)
    }
  }

  return Object.values(manifest.routes)
    .filter((route) => route.id !== 'root' && isPage(route.id))
    .map((route) => {
      const chain = routeChain(manifest, route.id)
      const files = new Set<string>()
      closure([manifest.url, manifest.entry.module, ...(manifest.entry.imports ?? [])], files)
      for (const each of chain) closure([each.module, ...(each.imports ?? [])], files)
      const list = [...files]
      return {
        id: route.id,
        path: urlPattern(chain),
        files: list,
        gzipBytes: list.reduce((sum, url) => sum + gzipSize(url), 0),
        budgetBytes: budgetFor(route.id),
      }
    })
    .sort((a, b) => a.path.localeCompare(b.path))
}

/** Per package (or app folder), the bytes (before gzip) a route's first visit loads. */
export function largestInputs(build: RemixBuild, bundle: RouteBundle, count = 8): { input: string; bytes: number }[] {
  const metafile = readMetafile(build)
  const totals = new Map<string, number>()
  for (const url of bundle.files) {
    const output = metafile.outputs[path.relative(process.cwd(), assetFile(build, url))]
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      const key = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/')
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput)
    }
  }
  return [...totals].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, count)
}

export function formatTable(bundles: RouteBundle[]): string {
  const rows = bundles.map((bundle) => [
    bundle.path,
    (bundle.gzipBytes / KB).toFixed(1),
    (bundle.budgetBytes / KB).toFixed(0),
    bundle.gzipBytes > bundle.budgetBytes ? 'OVER' : 'ok',
  ])
  const header = ['route', 'kB gz', 'budget', '']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}

function readManifest(assetsDir: string): Manifest {
  const file = fs.readdirSync(assetsDir).find((name) => /^manifest-[A-Z0-9]+\.js$/.test(name))
  if (!file) throw new Error(`no manifest-*.js in ${assetsDir}`)
  const source = fs.readFileSync(path.join(assetsDir, file), 'utf8')
  const manifest = JSON.parse(source.replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, '')) as Manifest
  return { ...manifest, url: `/build/${file}` }
}

function readMetafile(build: RemixBuild): Metafile {
  return JSON.parse(fs.readFileSync(path.join(build.dir, 'build/metafile.js.json'), 'utf8')) as Metafile
}

/** Each browser file's static imports, as /build/… URLs. */
function staticImports(build: RemixBuild): Map<string, string[]> {
  const toUrl = (output: string) => `/build/${path.relative(build.assetsDir, path.resolve(output)).split(path.sep).join('/')}`
  const imports = new Map<string, string[]>()
  for (const [output, { imports: list }] of Object.entries(readMetafile(build).outputs)) {
    imports.set(
      toUrl(output),
      list.filter((entry) => entry.kind === 'import-statement').map((entry) => toUrl(entry.path)),
    )
  }
  return imports
}

function assetFile(build: RemixBuild, url: string): string {
  return path.join(build.assetsDir, url.replace(/^\/build\//, ''))
}

function routeChain(manifest: Manifest, id: string): Manifest['routes'][string][] {
  const route = manifest.routes[id]
  if (!route) throw new Error(`unknown route ${id}`)
  return [...(route.parentId ? routeChain(manifest, route.parentId) : []), route]
}

function urlPattern(chain: Manifest['routes'][string][]): string {
  return `/${chain.map((route) => route.path ?? '').filter(Boolean).join('/')}`
}

/** A page route has a component (export default); resource routes (JSON, documents) have none. */
function isPage(id: string): boolean {
  const file = ['.tsx', '.ts', '.jsx', '.js'].map((ext) => path.join('app', `${id}${ext}`)).find((candidate) => fs.existsSync(candidate))
  return file !== undefined && /^export default\b/m.test(fs.readFileSync(file, 'utf8'))
}
