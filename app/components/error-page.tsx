import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const messages: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You need to sign in to do that.',
  403: 'You are not allowed to do that.',
  404: 'There is nothing here.',
}

/** The body of every route's error boundary: a useful page per status, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const detail = typeof error.data === 'string' ? error.data : messages[error.status] ?? error.statusText
    return (
      <section className="error-page" role="alert">
        <h1>{error.status === 404 ? 'Not found' : `Error ${error.status}`}</h1>
        <p>{detail}</p>
        <p>
          <Link to="/">Back to the portal</Link>
        </p>
      </section>
    )
  }
  console.error(error)
  return (
    <section className="error-page" role="alert">
      <h1>Something went wrong</h1>
      <p>The portal hit an unexpected error. Try again in a moment.</p>
      <p>
        <Link to="/">Back to the portal</Link>
      </p>
    </section>
  )
}
