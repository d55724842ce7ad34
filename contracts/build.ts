// Compiles contracts/*.sol with the `solc` npm package (no compiler download) and writes the
// committed artifacts in contracts-abi/: one typed ABI + bytecode module per contract and an index.
// `--check` compiles in memory and fails when any file in contracts-abi/ differs from what the
// sources produce (CI runs it). contracts-abi/deployments/ is not the build's: it is written from
// the reference deployments by `npm run deployments:sync` and checked by
// config/reference-deployments.test.ts, so the build neither writes nor removes it.
//
//   npx tsx contracts/build.ts          write contracts-abi/
//   npx tsx contracts/build.ts --check  exit 1 if contracts-abi/ is stale
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
// solc is CommonJS without types; this is the part of its API we use.
const solc = require('solc') as {
  version(): string
  compile(input: string, callbacks: { import: (path: string) => { contents: string } | { error: string } }): string
}

const root = process.cwd()
const sourceDir = path.join(root, 'contracts')
const outDir = path.join(root, 'contracts-abi')

type AbiParam = { name: string; type: string; indexed?: boolean; internalType?: string; components?: AbiParam[] }
type AbiItem = {
  type: string
  name?: string
  inputs?: AbiParam[]
  outputs?: AbiParam[]
  stateMutability?: string
  anonymous?: boolean
}

function listSources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return listSources(full)
      return entry.name.endsWith('.sol') ? [full] : []
    })
    .sort()
}

function findImport(importPath: string): { contents: string } | { error: string } {
  const candidates = importPath.startsWith('@') ? [path.join(root, 'node_modules', importPath)] : [path.join(root, importPath)]
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') }
  }
  return { error: `not found: ${importPath}` }
}

type Compiled = { name: string; source: string; abi: AbiItem[]; bytecode: string }

function compile(viaIR: boolean): Compiled[] {
  const sources = Object.fromEntries(
    listSources(sourceDir).map((file) => [
      path.relative(root, file).split(path.sep).join('/'),
      { content: fs.readFileSync(file, 'utf8') },
    ]),
  )
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      viaIR,
      // No metadata hash in the bytecode: the artifacts change only when the code does.
      metadata: { bytecodeHash: 'none' },
      outputSelection: Object.fromEntries(
        Object.keys(sources).map((s) => [s, { '*': ['abi', 'evm.bytecode.object'], '': ['ast'] }]),
      ),
    },
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as {
    errors?: { severity: string; formattedMessage: string; sourceLocation?: { file: string } }[]
    contracts?: Record<string, Record<string, { abi: AbiItem[]; evm: { bytecode: { object: string } } }>>
    sources?: Record<string, { ast?: { nodes: { nodeType: string; name?: string; contractKind?: string }[] } }>
  }
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error')
  // Warnings about our own sources are shown; OpenZeppelin's (e.g. transient storage) are not.
  for (const warning of (output.errors ?? []).filter((e) => e.severity !== 'error')) {
    if (warning.sourceLocation?.file.startsWith('contracts/')) console.warn(warning.formattedMessage)
  }
  if (errors.length) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`)

  // Libraries have bytecode too, but nobody deploys or calls them: their code is inlined.
  const libraries = new Set(
    Object.entries(output.sources ?? {}).flatMap(([source, { ast }]) =>
      (ast?.nodes ?? []).filter((n) => n.nodeType === 'ContractDefinition' && n.contractKind === 'library').map((n) => `${source}:${n.name}`),
    ),
  )
  const compiled: Compiled[] = []
  for (const [source, contracts] of Object.entries(output.contracts ?? {})) {
    if (!source.startsWith('contracts/')) continue
    for (const [name, contract] of Object.entries(contracts)) {
      // Interfaces and abstract contracts have no bytecode; they are not deployable artifacts.
      if (!contract.evm.bytecode.object || libraries.has(`${source}:${name}`)) continue
      compiled.push({ name, source, abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` })
    }
  }
  return compiled.sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The export prefix of a contract: `Tasks` → `tasks`, `DAO` → `dao`, `RFPs` → `rfps`,
 * `RFPEscrow` → `rfpEscrow`, `ERC721CountTrustlessManagement` → `erc721CountTrustlessManagement`.
 * A leading acronym is lowercased whole; its last capital starts the next word unless the
 * acronym is a plural (`RFPs`).
 */
export function camelName(contractName: string): string {
  const acronym = /^[A-Z0-9]+/.exec(contractName)?.[0] ?? ''
  if (acronym.length === contractName.length) return contractName.toLowerCase()
  if (acronym.length <= 1) return contractName[0]!.toLowerCase() + contractName.slice(1)
  const rest = contractName.slice(acronym.length)
  if (/^s([A-Z]|$)/.test(rest)) return acronym.toLowerCase() + rest
  return acronym.slice(0, -1).toLowerCase() + contractName.slice(acronym.length - 1)
}

// Stable key order so the output never depends on how solc orders an object's keys.
function normalizeParam(param: AbiParam): AbiParam {
  return {
    name: param.name,
    type: param.type,
    ...(param.indexed !== undefined ? { indexed: param.indexed } : {}),
    ...(param.internalType !== undefined ? { internalType: param.internalType } : {}),
    ...(param.components ? { components: param.components.map(normalizeParam) } : {}),
  }
}

function normalizeItem(item: AbiItem): AbiItem {
  return {
    type: item.type,
    ...(item.name !== undefined ? { name: item.name } : {}),
    ...(item.inputs ? { inputs: item.inputs.map(normalizeParam) } : {}),
    ...(item.outputs ? { outputs: item.outputs.map(normalizeParam) } : {}),
    ...(item.stateMutability !== undefined ? { stateMutability: item.stateMutability } : {}),
    ...(item.anonymous !== undefined ? { anonymous: item.anonymous } : {}),
  }
}

function abiOrder(a: AbiItem, b: AbiItem): number {
  const rank = ['constructor', 'receive', 'fallback', 'function', 'event', 'error']
  return rank.indexOf(a.type) - rank.indexOf(b.type) || (a.name ?? '').localeCompare(b.name ?? '')
}

function renderModule(contract: Compiled, compilerVersion: string): string {
  const id = camelName(contract.name)
  // An error declared both in an interface and in a library shows up twice; keep one.
  const items = [...new Map(contract.abi.map(normalizeItem).map((item) => [JSON.stringify(item), item])).values()].sort(abiOrder)
  return [
    `// Generated by contracts/build.ts from ${contract.source} (solc ${compilerVersion}). Do not edit.`,
    `export const ${id}Abi = [`,
    ...items.map((item) => `  ${JSON.stringify(item)},`),
    '] as const',
    '',
    `export const ${id}Bytecode = '${contract.bytecode}' as const`,
    '',
  ].join('\n')
}

export function buildArtifacts(): Map<string, string> {
  let compiled: Compiled[]
  try {
    compiled = compile(false)
  } catch (error) {
    if (!String(error).includes("Stack too deep")) throw error
    console.warn(`stack too deep without the IR pipeline: ${String(error).slice(0, 800)}`)
    compiled = compile(true)
  }
  const version = solc.version().replace(/\.Emscripten.*$/, '')
  const files = new Map<string, string>()
  for (const contract of compiled) files.set(`${contract.name}.ts`, renderModule(contract, version))
  files.set(
    'index.ts',
    ['// Generated by contracts/build.ts. Do not edit.', ...compiled.map((c) => `export * from './${c.name}'`), ''].join('\n'),
  )
  return files
}

/** contracts-abi/deployments/: written by scripts/sync-deployments.ts, not by the build. */
const DEPLOYMENTS_DIR = 'deployments'

function listExisting(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() && prefix === '' && entry.name === DEPLOYMENTS_DIR
      ? []
      : entry.isDirectory()
      ? listExisting(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  )
}

function main() {
  const check = process.argv.includes('--check')
  const started = Date.now()
  const files = buildArtifacts()
  const existing = new Set(listExisting(outDir))

  if (check) {
    const problems: string[] = []
    for (const [file, content] of files) {
      const full = path.join(outDir, file)
      if (!existing.has(file)) problems.push(`missing: contracts-abi/${file}`)
      else if (fs.readFileSync(full, 'utf8') !== content) problems.push(`differs: contracts-abi/${file}`)
    }
    for (const file of existing) if (!files.has(file)) problems.push(`not generated by the build: contracts-abi/${file}`)
    if (problems.length) {
      console.error(`contracts-abi/ does not match contracts/:\n  ${problems.join('\n  ')}\nRun \`npm run contracts:build\` and commit the result.`)
      process.exit(1)
    }
    console.log(`contracts-abi/ is up to date (${files.size} files, ${Date.now() - started} ms)`)
    return
  }

  for (const file of existing) if (!files.has(file)) fs.rmSync(path.join(outDir, file))
  for (const [file, content] of files) {
    const full = path.join(outDir, file)
    fs.mkdirSync(path.dirname(full), { recursive: true })
    if (!existing.has(file) || fs.readFileSync(full, 'utf8') !== content) fs.writeFileSync(full, content)
  }
  console.log(`wrote ${files.size} files to contracts-abi/ in ${Date.now() - started} ms`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main()
