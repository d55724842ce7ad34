import { Link, useFetcher } from '@remix-run/react'
import { answerField, type QuizActionData } from '~/courses/quiz-types'
import { useLessonContext } from './lesson-context'

/**
 * <Quiz id="…" /> at the end of a lesson. The questions come from the route's loader; the
 * answers are posted to the lesson's action, which grades them on the server.
 */
export function Quiz({ id }: { id: string }) {
  const context = useLessonContext()
  const fetcher = useFetcher<QuizActionData>()
  if (!context?.quiz || context.quiz.id !== id) {
    return <p className="callout callout-warning">This quiz is not available.</p>
  }
  const { quiz, attempt, signedIn, signInHref, attemptCount, retryIn } = context
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data : null
  const justCompleted = fetcher.data?.ok && fetcher.data.courseCompleted ? fetcher.data.certificateId : null
  const resultFor = (questionId: string) => attempt?.results.find((result) => result.questionId === questionId)
  const busy = fetcher.state !== 'idle'

  return (
    <section className="quiz" aria-labelledby={`quiz-${quiz.id}`}>
      <h2 id={`quiz-${quiz.id}`}>Check your understanding</h2>
      <p className="muted">
        {quiz.questions.length} question{quiz.questions.length === 1 ? '' : 's'} · pass mark {quiz.passMark}%
        {attemptCount > 0 ? ` · ${attemptCount} attempt${attemptCount === 1 ? '' : 's'} so far` : ''}
      </p>
      {attempt ? (
        <p className={`quiz-score ${attempt.passed ? 'quiz-passed' : 'quiz-failed'}`} role="status">
          {attempt.passed ? 'Passed' : 'Not passed yet'}: you scored {attempt.scorePercent}% ({attempt.correctCount} of{' '}
          {attempt.questionCount} right).{' '}
          {attempt.passed
            ? 'This lesson is done.'
            : `Reread the lesson and try again${retryIn ? ` in ${retryIn}` : ''}; each failed attempt makes the next wait longer. The explanations open once you pass.`}
        </p>
      ) : null}
      {justCompleted ? (
        <p className="quiz-score quiz-passed" role="status">
          You finished the course. <Link to={`/certificates/${justCompleted}`}>View your certificate</Link>
        </p>
      ) : null}
      {!signedIn ? (
        <p className="callout callout-note">
          You can read every lesson without an account. <Link to={signInHref}>Sign in with your wallet</Link> to take the quiz,
          keep your progress and earn the course certificate.
        </p>
      ) : null}
      <fetcher.Form method="post" key={attempt?.createdAt ?? 'new'} className="quiz-form">
        <input type="hidden" name="intent" value="quiz" />
        <input type="hidden" name="quizId" value={quiz.id} />
        <ol className="quiz-questions">
          {quiz.questions.map((question, index) => {
            const result = resultFor(question.id)
            const selected = new Set(attempt?.answers[question.id] ?? [])
            const invalid = error?.unanswered.includes(question.id)
            return (
              <li key={question.id} className={result ? (result.correct ? 'question-right' : 'question-wrong') : undefined}>
                <fieldset aria-invalid={invalid || undefined}>
                  <legend>
                    <span className="question-number">{index + 1}.</span> {question.prompt}
                    {question.type === 'multiple' ? <span className="muted"> (select all that apply)</span> : null}
                  </legend>
                  {question.choices.map((choice) => (
                    <label key={choice.id} className="choice">
                      <input
                        type={question.type === 'single' ? 'radio' : 'checkbox'}
                        name={answerField(question.id)}
                        value={choice.id}
                        defaultChecked={selected.has(choice.id)}
                        required={question.type === 'single' || undefined}
                      />{' '}
                      {choice.text}
                    </label>
                  ))}
                  {result ? (
                    <div className="question-result">
                      <strong>{result.correct ? '✓ Right.' : '✗ Not quite.'}</strong> {result.explanation}
                    </div>
                  ) : null}
                </fieldset>
              </li>
            )
          })}
        </ol>
        {error ? (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
        {signedIn ? (
          <button type="submit" disabled={busy}>
            {busy ? 'Grading…' : attempt ? 'Submit again' : 'Submit answers'}
          </button>
        ) : (
          <Link className="button" to={signInHref}>
            Sign in to take the quiz
          </Link>
        )}
      </fetcher.Form>
    </section>
  )
}
