import { isNode, LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'

// YAML (frontmatter or a quiz file) parsed so that every schema error can name its line:
// a wrong value points at the value, a missing key at the start of its parent mapping.

export type YamlIssue = { line: number; message: string }

export type ParsedYaml<T> =
  | { ok: true; value: T; /** The line of the node at `path`, for problems found after parsing. */ lineOf: (path: (string | number)[]) => number }
  | { ok: false; issues: YamlIssue[] }

/**
 * Parses `text` (which starts on line `firstLine` of its file) and validates it with `schema`.
 */
export function parseYamlWithSchema<S extends z.ZodTypeAny>(text: string, firstLine: number, schema: S): ParsedYaml<z.output<S>> {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({ line: lineAt(error.pos[0]), message: `YAML: ${firstSentence(error.message)}` })),
    }
  }
  const result = schema.safeParse(doc.toJS() ?? {})
  if (result.success) return { ok: true, value: result.data, lineOf: (path) => lineOfPath(doc, path, lineAt, firstLine) }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      line: lineOfPath(doc, issue.path, lineAt, firstLine),
      message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
    })),
  }
}

function lineOfPath(
  doc: ReturnType<typeof parseDocument>,
  issuePath: (string | number)[],
  lineAt: (offset: number) => number,
  fallback: number,
): number {
  // Walk up from the full path until a node exists: a missing key reports its parent's line.
  for (let length = issuePath.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(issuePath.slice(0, length), true)
    if (isNode(node) && node.range) return lineAt(node.range[0])
  }
  return fallback
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/** Splits `---` frontmatter from the body; lines are 1-based lines of the whole file. */
export function splitFrontmatter(source: string): { yaml: string; yamlFirstLine: number; body: string; bodyFirstLine: number } | null {
  const match = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(source)
  if (!match || match.index !== 0) return null
  const yaml = match[1]!
  return {
    yaml,
    yamlFirstLine: 2,
    body: source.slice(match[0].length),
    bodyFirstLine: 1 + countLines(match[0]),
  }
}

function countLines(text: string): number {
  return (text.match(/\n/g) ?? []).length
}
