import path from 'node:path'

/** One thing wrong with a course, pointing at the line an author has to fix. */
export type Problem = { file: string; line: number; message: string }

export function formatProblem(problem: Problem, root = process.cwd()): string {
  return `${path.relative(root, problem.file) || problem.file}:${problem.line}: ${problem.message}`
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message))
}
