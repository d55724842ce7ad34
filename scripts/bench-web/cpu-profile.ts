import fs from 'node:fs'

// A V8 CPU profile (node --cpu-prof) summed up for a terminal: where the busy time went, by
// function (self time), by package or source folder, and — for the portal's own functions in the
// server build — including what they called, so `npm run bench:web -- --cpu-prof` says which code
// to look at without opening DevTools. Idle time is left out of the percentages.

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Where a function lives: an npm package by name, else the path inside the repository. */
function placeOf(url: string): string {
  if (url === '') return '(native)'
  const modules = url.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  if (url.startsWith('node:')) return url
  const repo = url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')
  return repo.includes('.cache/remix-build/') ? 'app (server build)' : repo.split('/').slice(0, 2).join('/')
}

export function summarizeCpuProfile(file: string, top = 15): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName !== '(idle)') selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const busy = [...selfUs.values()].reduce((a, b) => a + b, 0)
  const nameOf = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}  ${placeOf(node.callFrame.url)}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`
  const functions = new Map<string, number>()
  const places = new Map<string, number>()
  const appInclusive = new Map<string, number>()
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us)
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!
    add(functions, nameOf(node), us)
    add(places, placeOf(node.callFrame.url), us)
    // Every app function on this sample's stack, once per stack (recursion counts once).
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)!
      if (placeOf(frame.callFrame.url) !== 'app (server build)' || !frame.callFrame.functionName) continue
      const name = nameOf(frame)
      if (!seen.has(name)) add(appInclusive, name, us)
      seen.add(name)
    }
  }
  const list = (entries: Map<string, number>) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n')
  return [
    `busy ${(busy / 1e6).toFixed(1)} s; self time by function:`,
    list(functions),
    'self time by package or folder:',
    list(places),
    'the portal’s own functions, with what they call (synchronous part):',
    list(appInclusive),
  ].join('\n')
}
