import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

// The repository's import graph as TypeScript resolves it (tsconfig paths, `~/`, `#db/…`),
// for the tests that keep its shape: no cycles, each concern in its room. Only the
// repository's own source files are nodes; packages are not followed.

export const REPO = path.resolve(import.meta.dirname, '..')
const SOURCE_ROOTS = ['app', 'config', 'contracts', 'contracts-abi', 'db', 'devnet', 'documents', 'e2e', 'indexer', 'scripts', 'server', 'test']
const SKIPPED = new Set(['node_modules', 'build', '.cache', '.data'])

export type ImportEdge = {
  /** Repository-relative path of the imported file; null for a package. */
  to: string | null
  specifier: string
  /** `import type` (or every name imported as a type): gone at runtime. */
  typeOnly: boolean
  /** The exported names this import uses ('default' for a default import); '*' for all of them (a namespace, `export *`, `import()`). */
  names: string[] | '*'
}

export type ImportGraph = Map<string, ImportEdge[]>

export function sourceFiles(roots = SOURCE_ROOTS): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path.relative(REPO, full))
    }
  }
  for (const root of roots) if (fs.existsSync(path.join(REPO, root))) walk(path.join(REPO, root))
  return files.sort()
}

export function buildImportGraph(files = sourceFiles()): ImportGraph {
  const configFile = ts.readConfigFile(path.join(REPO, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, REPO)
  const cache = ts.createModuleResolutionCache(REPO, (name) => name, options)
  const graph: ImportGraph = new Map()
  for (const file of files) {
    const absolute = path.join(REPO, file)
    const source = ts.createSourceFile(absolute, fs.readFileSync(absolute, 'utf8'), ts.ScriptTarget.Latest, false)
    const edges: ImportEdge[] = []
    for (const { specifier, typeOnly, names } of importsOf(source)) {
      const resolved = ts.resolveModuleName(specifier, absolute, options, ts.sys, cache).resolvedModule
      const to = resolved ? path.relative(REPO, resolved.resolvedFileName) : null
      const own = to !== null && !resolved!.isExternalLibraryImport && !to.startsWith('..') && !to.split(path.sep).includes('node_modules')
      edges.push({ to: own ? to : null, specifier, typeOnly, names })
    }
    graph.set(file, edges)
  }
  return graph
}

type FoundImport = { specifier: string; typeOnly: boolean; names: string[] | '*' }

/** Static imports, re-exports and `import('…')` calls of one file. */
function importsOf(source: ts.SourceFile): FoundImport[] {
  const found: FoundImport[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const bindings = clause?.namedBindings
      const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined
      const typeOnly = Boolean(clause?.isTypeOnly || (clause && !clause.name && named && named.length > 0 && named.every((n) => n.isTypeOnly)))
      const names: string[] | '*' =
        bindings && ts.isNamespaceImport(bindings)
          ? '*'
          : [...(clause?.name ? ['default'] : []), ...(named ?? []).map((n) => (n.propertyName ?? n.name).text)]
      found.push({ specifier: node.moduleSpecifier.text, typeOnly, names })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause
      const names: string[] | '*' = clause && ts.isNamedExports(clause) ? clause.elements.map((n) => (n.propertyName ?? n.name).text) : '*'
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, names })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false, names: '*' })
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const qualifier = node.qualifier
      const first = qualifier ? (ts.isIdentifier(qualifier) ? qualifier : leftmost(qualifier)) : undefined
      found.push({ specifier: node.argument.literal.text, typeOnly: true, names: first ? [first.text] : '*' })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function leftmost(name: ts.QualifiedName): ts.Identifier {
  return ts.isIdentifier(name.left) ? name.left : leftmost(name.left)
}

export type OwnExport = {
  name: string
  /** A type or interface (gone at runtime), else a value. */
  kind: 'type' | 'value'
  /** The file itself mentions the name besides declaring it. */
  usedInFile: boolean
}

/** The names a file exports itself (not those it re-exports from another module). */
export function exportsOf(file: string): OwnExport[] {
  const absolute = path.join(REPO, file)
  const source = ts.createSourceFile(absolute, fs.readFileSync(absolute, 'utf8'), ts.ScriptTarget.Latest, true)
  const declared: { name: string; kind: OwnExport['kind'] }[] = []
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined
    const exported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    const isType = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)
    if (ts.isExportAssignment(statement) || (exported && modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword))) {
      declared.push({ name: 'default', kind: 'value' })
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) declared.push({ name: element.name.text, kind: statement.isTypeOnly || element.isTypeOnly ? 'type' : 'value' })
    } else if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) declared.push({ name: declaration.name.text, kind: 'value' })
    } else if (
      exported &&
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || isType) &&
      statement.name
    ) {
      declared.push({ name: statement.name.text, kind: isType ? 'type' : 'value' })
    }
  }
  const mentions = new Map<string, number>()
  const count = (node: ts.Node) => {
    if (ts.isIdentifier(node)) mentions.set(node.text, (mentions.get(node.text) ?? 0) + 1)
    ts.forEachChild(node, count)
  }
  count(source)
  return declared.map((entry) => ({ ...entry, usedInFile: entry.name !== 'default' && (mentions.get(entry.name) ?? 0) > 1 }))
}

/** Every cycle of the graph, each as the files around it (first file repeated at the end), found with Tarjan's algorithm. */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const strongConnect = (file: string) => {
    index.set(file, counter)
    low.set(file, counter++)
    stack.push(file)
    onStack.add(file)
    for (const { to } of graph.get(file) ?? []) {
      if (to === null || !graph.has(to)) continue
      if (!index.has(to)) {
        strongConnect(to)
        low.set(file, Math.min(low.get(file)!, low.get(to)!))
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!))
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      const selfLoop = (graph.get(file) ?? []).some((edge) => edge.to === file)
      if (component.length > 1 || selfLoop) components.push(component)
    }
  }
  for (const file of graph.keys()) if (!index.has(file)) strongConnect(file)
  return components.map((component) => cyclePath(graph, new Set(component)))
}

/** One concrete cycle through a strongly connected set, readable as a path. */
function cyclePath(graph: ImportGraph, members: Set<string>): string[] {
  const start = [...members].sort()[0]!
  // Breadth-first from the start back to itself inside the component: the shortest cycle through it.
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()!
    for (const { to } of graph.get(file) ?? []) {
      if (to === null || !members.has(to)) continue
      if (to === start) {
        const cycle = [start]
        for (let at: string | undefined = file; at !== undefined && at !== start; at = previous.get(at)) cycle.splice(1, 0, at)
        return [...cycle, start]
      }
      if (!previous.has(to)) {
        previous.set(to, file)
        queue.push(to)
      }
    }
  }
  return [start, start]
}
