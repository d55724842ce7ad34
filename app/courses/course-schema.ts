import { z } from 'zod'

// The course format (see courses/README.md). Shared by the loader, the checker and the tests;
// nothing here is secret except the quiz answer key, which only *.server.ts modules ever read.

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug (a-z, 0-9 and single dashes)')
  .max(64)

const levels = ['beginner', 'intermediate', 'advanced'] as const
/** The learning path, in order: Learner → Contributor → Governor. */
export const tracks = ['learner', 'contributor', 'governor'] as const
export type Track = (typeof tracks)[number]

export const courseFrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    summary: z.string().trim().min(10).max(400),
    level: z.enum(levels),
    track: z.enum(tracks),
    /** Position within the track in the catalog (lower first). */
    order: z.number().int().min(0).max(999).default(0),
    prerequisites: z.array(slugSchema).default([]),
    estimatedMinutes: z.number().int().min(1).max(6000),
    /** "After this course you can …" bullet points shown on the course page. */
    outcomes: z.array(z.string().trim().min(3).max(200)).max(12).default([]),
  })
  .strict()
export type CourseFrontmatter = z.infer<typeof courseFrontmatterSchema>

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    summary: z.string().trim().min(10).max(300).optional(),
    estimatedMinutes: z.number().int().min(1).max(600),
  })
  .strict()

const choiceSchema = z
  .object({
    text: z.string().trim().min(1).max(400),
    correct: z.boolean().default(false),
  })
  .strict()

const questionSchema = z
  .object({
    id: slugSchema,
    type: z.enum(['single', 'multiple']),
    prompt: z.string().trim().min(3).max(600),
    choices: z.array(choiceSchema).min(2).max(8),
    /** Shown once the quiz is passed. */
    explanation: z.string().trim().min(3).max(1200),
  })
  .strict()
  .superRefine((question, ctx) => {
    const correct = question.choices.filter((choice) => choice.correct).length
    if (question.type === 'single' && correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a single-choice question needs exactly one correct choice (has ${correct})` })
    }
    if (question.type === 'multiple' && correct < 1) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a multiple-choice question needs at least one correct choice' })
    }
    const texts = new Set<string>()
    question.choices.forEach((choice, index) => {
      if (texts.has(choice.text)) ctx.addIssue({ code: 'custom', path: ['choices', index, 'text'], message: 'duplicate choice' })
      texts.add(choice.text)
    })
  })

export const quizFileSchema = z
  .object({
    /** Referenced from the lesson as <Quiz id="…" />; defaults to the lesson's slug. */
    id: slugSchema.optional(),
    /** Percentage of questions that must be answered right to pass (1–100). */
    passMark: z.number().int().min(1).max(100),
    /**
     * What a failed attempt shows: `score` (the default) only the score; `per-question` also
     * which answers were right. Explanations are shown only once the quiz is passed, whatever
     * this says, so the quiz cannot be solved by reading them off failed attempts.
     */
    feedback: z.enum(['score', 'per-question']).default('score'),
    questions: z.array(questionSchema).min(1).max(30),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>()
    quiz.questions.forEach((question, index) => {
      if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `duplicate question id "${question.id}"` })
      seen.add(question.id)
    })
  })
