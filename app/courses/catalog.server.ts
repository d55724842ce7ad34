import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { envVariable } from '#config/env'
import { courseFrontmatterSchema, lessonFrontmatterSchema, quizFileSchema, tracks, type CourseFrontmatter } from './course-schema'
import { sortProblems, type Problem } from './problems'
import { parseYamlWithSchema, splitFrontmatter } from './yaml-lines.server'

// Reads `courses/` into a validated catalog. Only structure is checked here (frontmatter,
// lesson order, quizzes, prerequisites); what needs the MDX parsed (links, images, components)
// is checked by `checkCourses` in check.server.ts. A course with a problem is left out of the
// catalog, so a half-written course never reaches learners.

export type QuizChoice = { id: string; text: string; correct: boolean }
export type QuizQuestion = { id: string; type: 'single' | 'multiple'; prompt: string; explanation: string; choices: QuizChoice[] }
/** The full quiz including the answer key: server-only, never serialized to the browser. */
export type QuizFeedback = 'score' | 'per-question'
export type Quiz = { id: string; file: string; passMark: number; feedback: QuizFeedback; questions: QuizQuestion[] }

export type Lesson = {
  slug: string
  number: number
  file: string
  title: string
  summary: string | null
  estimatedMinutes: number
  /** The whole file, frontmatter included, so compile positions are file lines. */
  source: string
  quiz: Quiz | null
}

export type Course = CourseFrontmatter & {
  slug: string
  dir: string
  indexFile: string
  introSource: string
  /** sha256 of every file in the course folder: the version a certificate names. */
  version: `0x${string}`
  /** sha256 of the non-text files (images), part of every lesson's compile cache key. */
  assetsHash: string
  lessons: Lesson[]
}

export type Catalog = {
  root: string
  /** The valid courses, in path order (track, then order, then title). */
  courses: Course[]
  problems: Problem[]
  /** Every course that could be read, valid or not: the checker inspects their MDX too. */
  readable: Course[]
}

export const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/
const QUIZ_SUFFIX = '.quiz.yaml'
const IGNORED = /^(\.|_)|^README\.md$/i

function coursesRoot(): string {
  return path.resolve(envVariable('COURSES_DIR'))
}

// The parsed catalog is reused until a file under the root changes (size or mtime), so
// `npm run dev` picks up an edited lesson on the next request without a restart.
const globalForCatalog = globalThis as unknown as { courseCatalog?: Map<string, { signature: string; catalog: Catalog }> }

export function getCatalog(root = coursesRoot()): Catalog {
  const cache = (globalForCatalog.courseCatalog ??= new Map())
  const signature = treeSignature(root)
  const cached = cache.get(root)
  if (cached && cached.signature === signature) return cached.catalog
  const catalog = loadCatalog(root)
  cache.set(root, { signature, catalog })
  if (catalog.problems.length > 0 && envVariable('NODE_ENV') !== 'test') {
    console.warn(`courses: ${catalog.problems.length} problem(s); run \`npm run courses:check\` for details`)
  }
  return catalog
}

export function findCourse(catalog: Catalog, slug: string): Course | undefined {
  return catalog.courses.find((course) => course.slug === slug)
}

export function findLesson(course: Course, slug: string): Lesson | undefined {
  return course.lessons.find((lesson) => lesson.slug === slug)
}

/** Reads and validates every course under `root`, returning the valid ones and every problem. */
export function loadCatalog(root: string): Catalog {
  const problems: Problem[] = []
  if (!fs.existsSync(root)) {
    return { root, courses: [], readable: [], problems: [{ file: root, line: 1, message: 'the courses folder does not exist' }] }
  }
  const parsed: { course: Course; problems: Problem[]; prerequisiteLine: (index: number) => number }[] = []
  // Folders that look like courses, valid or not: a prerequisite on a broken course is not "unknown".
  const folders = new Set<string>()
  for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (IGNORED.test(entry.name)) continue
    const full = path.join(root, entry.name)
    if (!entry.isDirectory()) {
      problems.push({ file: full, line: 1, message: 'unexpected file: a course is a folder with an index.mdx' })
      continue
    }
    if (fs.existsSync(path.join(full, 'index.mdx'))) folders.add(entry.name)
    const result = loadCourse(full)
    if ('course' in result) parsed.push(result)
    else problems.push(...result.problems)
  }

  const bySlug = new Map(parsed.map((entry) => [entry.course.slug, entry]))
  for (const entry of parsed) {
    entry.course.prerequisites.forEach((prerequisite, index) => {
      const line = entry.prerequisiteLine(index)
      if (prerequisite === entry.course.slug) entry.problems.push({ file: entry.course.indexFile, line, message: 'a course cannot be its own prerequisite' })
      else if (!folders.has(prerequisite)) entry.problems.push({ file: entry.course.indexFile, line, message: `unknown prerequisite "${prerequisite}"` })
    })
  }
  for (const cycle of findCycles(parsed.map((entry) => entry.course))) {
    const first = bySlug.get(cycle[0]!)!
    const index = first.course.prerequisites.indexOf(cycle[1]!)
    first.problems.push({ file: first.course.indexFile, line: first.prerequisiteLine(index), message: `prerequisites form a cycle: ${cycle.join(' → ')}` })
  }

  const courses: Course[] = []
  for (const entry of parsed) {
    if (entry.problems.length > 0) problems.push(...entry.problems)
    else courses.push(entry.course)
  }
  courses.sort(
    (a, b) => tracks.indexOf(a.track) - tracks.indexOf(b.track) || a.order - b.order || a.title.localeCompare(b.title),
  )
  return { root, courses, problems: sortProblems(problems), readable: parsed.map((entry) => entry.course) }
}

function loadCourse(
  dir: string,
): { course: Course; problems: Problem[]; prerequisiteLine: (index: number) => number } | { problems: Problem[] } {
  const problems: Problem[] = []
  const slug = path.basename(dir)
  const indexFile = path.join(dir, 'index.mdx')
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    return { problems: [{ file: dir, line: 1, message: `course folder "${slug}" must be a kebab-case slug` }] }
  }
  if (!fs.existsSync(indexFile)) return { problems: [{ file: dir, line: 1, message: 'course folder has no index.mdx' }] }

  const indexSource = fs.readFileSync(indexFile, 'utf8')
  const split = splitFrontmatter(indexSource)
  if (!split) return { problems: [{ file: indexFile, line: 1, message: 'index.mdx must start with --- frontmatter ---' }] }
  const frontmatter = parseYamlWithSchema(split.yaml, split.yamlFirstLine, courseFrontmatterSchema)
  if (!frontmatter.ok) {
    return { problems: frontmatter.issues.map((issue) => ({ file: indexFile, line: issue.line, message: `frontmatter ${issue.message}` })) }
  }

  const files = fs.readdirSync(dir).sort()
  const lessons: Lesson[] = []
  const quizFiles = new Set(files.filter((name) => name.endsWith(QUIZ_SUFFIX)))
  const quizIds = new Map<string, string>()
  for (const name of files) {
    if (name === 'index.mdx' || !name.endsWith('.mdx')) continue
    const file = path.join(dir, name)
    const match = LESSON_FILE.exec(name)
    if (!match) {
      problems.push({ file, line: 1, message: 'lesson files are named NN-slug.mdx (two digits, then a kebab-case slug)' })
      continue
    }
    const stem = name.slice(0, -'.mdx'.length)
    const lesson = loadLesson(file, Number(match[1]), match[2]!, problems)
    const quizName = `${stem}${QUIZ_SUFFIX}`
    if (quizFiles.delete(quizName)) {
      const quiz = loadQuiz(path.join(dir, quizName), match[2]!, problems)
      if (quiz) {
        const other = quizIds.get(quiz.id)
        if (other) problems.push({ file: quiz.file, line: 1, message: `quiz id "${quiz.id}" is already used by ${other}` })
        quizIds.set(quiz.id, quizName)
      }
      if (lesson) lesson.quiz = quiz
    } else {
      problems.push({ file, line: 1, message: `lesson has no quiz: every lesson ends with one, defined in ${quizName}` })
    }
    if (lesson) lessons.push(lesson)
  }
  for (const orphan of quizFiles) {
    problems.push({ file: path.join(dir, orphan), line: 1, message: 'quiz file without a lesson of the same name' })
  }

  lessons.sort((a, b) => a.number - b.number)
  const seenSlugs = new Set<string>()
  lessons.forEach((lesson, index) => {
    if (lesson.number !== index + 1) {
      const previous = lessons[index - 1]
      problems.push({
        file: lesson.file,
        line: 1,
        message:
          previous?.number === lesson.number
            ? `lesson number ${String(lesson.number).padStart(2, '0')} is used twice`
            : `lessons are numbered 01, 02, … without gaps: expected ${String(index + 1).padStart(2, '0')} here`,
      })
    }
    if (seenSlugs.has(lesson.slug)) problems.push({ file: lesson.file, line: 1, message: `lesson slug "${lesson.slug}" is used twice` })
    seenSlugs.add(lesson.slug)
  })
  if (lessons.length === 0 && problems.length === 0) problems.push({ file: indexFile, line: 1, message: 'a course needs at least one lesson' })

  const course: Course = {
    ...frontmatter.value,
    slug,
    dir,
    indexFile,
    introSource: indexSource,
    version: hashFiles(dir, () => true),
    assetsHash: hashFiles(dir, (relative) => !/\.(mdx|yaml)$/.test(relative)),
    lessons,
  }
  return { course, problems, prerequisiteLine: (index) => frontmatter.lineOf(['prerequisites', index]) }
}

function loadLesson(file: string, number: number, slug: string, problems: Problem[]): Lesson | null {
  const source = fs.readFileSync(file, 'utf8')
  const split = splitFrontmatter(source)
  if (!split) {
    problems.push({ file, line: 1, message: 'a lesson must start with --- frontmatter --- (title, estimatedMinutes)' })
    return null
  }
  const frontmatter = parseYamlWithSchema(split.yaml, split.yamlFirstLine, lessonFrontmatterSchema)
  if (!frontmatter.ok) {
    problems.push(...frontmatter.issues.map((issue) => ({ file, line: issue.line, message: `frontmatter ${issue.message}` })))
    return null
  }
  const { title, summary, estimatedMinutes } = frontmatter.value
  return { slug, number, file, title, summary: summary ?? null, estimatedMinutes, source, quiz: null }
}

function loadQuiz(file: string, lessonSlug: string, problems: Problem[]): Quiz | null {
  const parsed = parseYamlWithSchema(fs.readFileSync(file, 'utf8'), 1, quizFileSchema)
  if (!parsed.ok) {
    problems.push(...parsed.issues.map((issue) => ({ file, line: issue.line, message: issue.message })))
    return null
  }
  return {
    id: parsed.value.id ?? lessonSlug,
    file,
    passMark: parsed.value.passMark,
    feedback: parsed.value.feedback,
    questions: parsed.value.questions.map((question) => ({
      ...question,
      // Choice ids are positions (a, b, c…): stable as long as the author keeps the order.
      choices: question.choices.map((choice, index) => ({ id: String.fromCharCode(97 + index), text: choice.text, correct: choice.correct })),
    })),
  }
}

/** Every prerequisite cycle once, as slugs from a course back to itself. */
export function findCycles(courses: Pick<Course, 'slug' | 'prerequisites'>[]): string[][] {
  const graph = new Map(courses.map((course) => [course.slug, course.prerequisites]))
  const state = new Map<string, 'visiting' | 'done'>()
  const cycles: string[][] = []
  const stack: string[] = []
  const visit = (slug: string) => {
    state.set(slug, 'visiting')
    stack.push(slug)
    for (const next of graph.get(slug) ?? []) {
      if (!graph.has(next) || next === slug) continue
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(slug, 'done')
  }
  for (const slug of graph.keys()) if (!state.has(slug)) visit(slug)
  return cycles
}

function hashFiles(dir: string, include: (relative: string) => boolean): `0x${string}` {
  const hash = createHash('sha256')
  for (const relative of listFiles(dir).filter(include)) {
    hash.update(relative.split(path.sep).join('/')).update('\0').update(fs.readFileSync(path.join(dir, relative))).update('\0')
  }
  return `0x${hash.digest('hex')}`
}

function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

function treeSignature(root: string): string {
  if (!fs.existsSync(root)) return 'missing'
  const parts: string[] = []
  for (const relative of listFiles(root)) {
    const stat = fs.statSync(path.join(root, relative))
    parts.push(`${relative}:${stat.size}:${stat.mtimeMs}`)
  }
  // Folder entries matter too: an emptied or renamed folder changes the catalog.
  for (const entry of fs.readdirSync(root)) parts.push(`dir:${entry}`)
  return parts.join('|')
}
