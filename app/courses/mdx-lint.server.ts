import fs from 'node:fs'
import { calloutTypes, mdxComponentNames } from './mdx-component-names'
import type { Problem } from './problems'
import { IMAGE_TYPES, MAX_IMAGE_BYTES, resolveCourseImage } from './rehype-inline-images.server'

// A remark plugin run by the course checker on each parsed lesson: it reports, with lines,
// what compiles but would still be broken for a reader — dead internal links, missing images,
// unknown components, a quiz that does not resolve or is not the lesson's last block.

type Position = { start: { line: number } }
type JsxAttribute = { type: string; name?: string; value?: string | { type: string; value: string } | null }
type MdastNode = {
  type: string
  url?: string
  alt?: string | null
  name?: string | null
  value?: string
  attributes?: JsxAttribute[]
  children?: MdastNode[]
  position?: Position
}

export type LintContext = {
  file: string
  courseDir: string
  /** The quiz id this lesson must end with; null for a course's index.mdx (no quiz allowed). */
  quizId: string | null
  /** Does /courses/<course>[/<lesson>] exist? */
  coursePathExists: (course: string, lesson?: string) => boolean
  problems: Problem[]
}

/** Portal pages outside /courses that lessons may link to. */
const portalPaths = [
  /^\/$/,
  /^\/tasks(\/new)?$/,
  /^\/tasks\/\d+\/\d+$/,
  /^\/dao(\/(members|requests))?$/,
  /^\/dao\/proposals\/[\w-]+$/,
  /^\/dao\/actions\/\d+$/,
  /^\/contributors(\/0x[0-9a-fA-F]{40})?$/,
  /^\/certificates\/0x[0-9a-f]{64}$/,
  /^\/health$/,
]
const forbiddenTags = new Set(['script', 'style', 'iframe', 'object', 'embed', 'img', 'form', 'input'])

export function remarkLintLesson(context: LintContext) {
  return (tree: MdastNode) => {
    const report = (node: MdastNode | undefined, message: string) =>
      context.problems.push({ file: context.file, line: node?.position?.start.line ?? 1, message })
    const quizzes: MdastNode[] = []

    const visit = (node: MdastNode) => {
      switch (node.type) {
        case 'link':
        case 'definition':
          checkLink(node.url ?? '', (message) => report(node, message), context)
          break
        case 'image':
          checkImage(node, (message) => report(node, message), context)
          break
        case 'paragraph': {
          const first = node.children?.[0]
          if (first?.type === 'text' && /^\|.*\|/.test(first.value ?? '')) {
            report(node, 'Markdown tables are not supported (lessons are MDX without GFM): write a <table> with <thead>/<tbody>')
          }
          break
        }
        case 'mdxjsEsm':
          report(node, 'import/export is not allowed in lessons: components come from the portal')
          break
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!/^\s*(\/\*[\s\S]*\*\/)?\s*$/.test(node.value ?? '')) report(node, 'JavaScript expressions are not allowed in lessons (only {/* comments */})')
          break
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          checkElement(node, (message) => report(node, message))
          if (node.name === 'Quiz') quizzes.push(node)
          break
      }
      node.children?.forEach(visit)
    }
    visit(tree)

    if (context.quizId === null) {
      for (const quiz of quizzes) report(quiz, "a course's index.mdx cannot hold a quiz: quizzes end lessons")
      return
    }
    if (quizzes.length === 0) {
      report(undefined, `the lesson must end with <Quiz id="${context.quizId}" />`)
      return
    }
    for (const quiz of quizzes) {
      const id = stringAttribute(quiz, 'id')
      if (id === undefined) report(quiz, '<Quiz> needs an id="…" attribute')
      else if (id !== context.quizId) report(quiz, `quiz id "${id}" does not resolve: this lesson's quiz is "${context.quizId}"`)
    }
    if (quizzes.length > 1) report(quizzes[1], 'a lesson has one quiz')
    const blocks = (tree.children ?? []).filter((node) => node.type !== 'yaml' && node.type !== 'toml')
    if (blocks.at(-1) !== quizzes[0]) report(quizzes[0], 'the quiz must be the last thing in the lesson')
  }
}

function checkLink(url: string, report: (message: string) => void, context: LintContext) {
  if (/^(https?:|mailto:)/i.test(url) || url.startsWith('#')) return
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return report(`link scheme not allowed: ${url}`)
  if (!url.startsWith('/')) {
    return report(`relative link "${url}": use a portal path such as /courses/<course>/<lesson>, or a full https:// URL`)
  }
  const pathname = url.split(/[?#]/)[0]!.replace(/\/$/, '') || '/'
  const courseMatch = /^\/courses(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(pathname)
  if (courseMatch) {
    const [, course, lesson] = courseMatch
    if (course && !context.coursePathExists(course, lesson)) report(`broken link: ${url} is not a course${lesson ? ' lesson' : ''}`)
    return
  }
  if (!portalPaths.some((pattern) => pattern.test(pathname))) report(`broken link: ${url} is not a page of the portal`)
}

function checkImage(node: MdastNode, report: (message: string) => void, context: LintContext) {
  const url = node.url ?? ''
  if (!node.alt?.trim()) report('an image needs alt text: ![what it shows](./images/file.svg)')
  const baseDir = context.courseDir
  const file = resolveCourseImage(url, baseDir, context.courseDir)
  if (!file) {
    return report(`image "${url}" must be a ${Object.keys(IMAGE_TYPES).join('/')} file inside the course folder, linked relatively`)
  }
  if (!fs.existsSync(file)) return report(`image not found: ${url}`)
  const size = fs.statSync(file).size
  if (size > MAX_IMAGE_BYTES) report(`image ${url} is ${Math.round(size / 1024)} KiB; the limit is ${MAX_IMAGE_BYTES / 1024} KiB`)
}

function checkElement(node: MdastNode, report: (message: string) => void) {
  const name = node.name
  if (!name) return // a fragment
  if (/^[a-z]/.test(name)) {
    if (forbiddenTags.has(name)) report(`<${name}> is not allowed in lessons${name === 'img' ? ': use ![alt](./images/file.svg)' : ''}`)
    return
  }
  if (!(mdxComponentNames as readonly string[]).includes(name)) {
    return report(`unknown component <${name}>: lessons can use ${mdxComponentNames.map((known) => `<${known}>`).join(', ')}`)
  }
  if (name === 'Callout') {
    const type = stringAttribute(node, 'type')
    if (type !== undefined && !(calloutTypes as readonly string[]).includes(type)) {
      report(`<Callout type="${type}">: type is one of ${calloutTypes.join(', ')}`)
    }
  }
  if (name === 'TaskLink') {
    for (const attribute of ['id', 'chainId']) {
      const value = literalAttribute(node, attribute)
      if (value !== undefined && !/^\d+$/.test(value)) report(`<TaskLink ${attribute}>: must be a number, e.g. ${attribute}={3}`)
    }
  }
  if (name === 'ProposalLink') {
    const value = literalAttribute(node, 'id')
    if (value !== undefined && !/^[\w-]+$/.test(value)) report('<ProposalLink id>: must be a proposal number or id')
  }
}

function stringAttribute(node: MdastNode, name: string): string | undefined {
  const attribute = node.attributes?.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name)
  return typeof attribute?.value === 'string' ? attribute.value : undefined
}

/** A string attribute, or a simple literal expression such as {3}. */
function literalAttribute(node: MdastNode, name: string): string | undefined {
  const attribute = node.attributes?.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name)
  if (!attribute) return undefined
  if (typeof attribute.value === 'string') return attribute.value
  if (attribute.value && typeof attribute.value === 'object') return attribute.value.value.trim()
  return ''
}
