import path from 'node:path'
import { envVariable } from '#config/env'
import { checkCourses } from '../app/courses/check.server'
import { formatProblem } from '../app/courses/problems'

// `npm run courses:check [folder]`: validates every course (frontmatter, lesson order,
// prerequisites, quizzes, links, images, MDX) and prints `file:line: message` per problem.
// Exits 1 when anything is wrong, so `npm test` and CI stop on an invalid course.

const root = path.resolve(process.argv[2] ?? envVariable('COURSES_DIR'))
const started = Date.now()
const result = await checkCourses(root)
for (const problem of result.problems) console.error(formatProblem(problem))
const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (result.problems.length > 0) {
  console.error(`\ncourses: ${result.problems.length} problem(s) in ${path.relative(process.cwd(), root) || root} (${seconds}s)`)
  process.exit(1)
}
console.log(`courses: ${result.courses} course(s), ${result.lessons} lesson(s), all valid (${seconds}s)`)
