import fs from 'node:fs'
import path from 'node:path'
import { LESSON_FILE, loadCatalog } from './catalog.server'
import { remarkLintLesson } from './mdx-lint.server'
import { bundleLesson, MdxCompileError } from './mdx-compile.server'
import { sortProblems, type Problem } from './problems'

// `npm run courses:check`: everything the catalog loader checks, plus every lesson compiled
// exactly as the portal compiles it, with the lint plugin looking at the parsed MDX.

export type CheckResult = { problems: Problem[]; courses: number; lessons: number }

export async function checkCourses(root: string): Promise<CheckResult> {
  const catalog = loadCatalog(root)
  const problems: Problem[] = [...catalog.problems]
  const coursePathExists = coursePathResolver(root)
  let lessons = 0
  for (const course of catalog.readable) {
    const targets = [
      { file: course.indexFile, source: course.introSource, quizId: null as string | null },
      ...course.lessons.map((lesson) => ({ file: lesson.file, source: lesson.source, quizId: lesson.quiz?.id ?? lesson.slug })),
    ]
    lessons += course.lessons.length
    for (const target of targets) {
      const lint = remarkLintLesson({ file: target.file, courseDir: course.dir, quizId: target.quizId, coursePathExists, problems })
      try {
        await bundleLesson(
          { source: target.source, file: target.file, courseDir: course.dir, assetsHash: course.assetsHash },
          { remarkPlugins: [() => lint] },
        )
      } catch (error) {
        if (error instanceof MdxCompileError) problems.push(...error.problems)
        else throw error
      }
    }
  }
  return { problems: dedupe(sortProblems(problems)), courses: catalog.courses.length, lessons }
}

/** Resolves /courses/<course>/<lesson> against the files, so a link into a broken course still resolves. */
function coursePathResolver(root: string) {
  return (course: string, lesson?: string) => {
    const dir = path.join(root, course)
    if (!/^[a-z0-9-]+$/.test(course) || !fs.existsSync(path.join(dir, 'index.mdx'))) return false
    if (lesson === undefined) return true
    return fs.readdirSync(dir).some((name) => LESSON_FILE.exec(name)?.[2] === lesson)
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
