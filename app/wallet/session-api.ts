// The browser side of the session endpoints (app/routes/auth.*.ts): JSON over POST.

class SessionRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export async function postSession<T>(path: '/auth/nonce' | '/auth/verify' | '/auth/logout', body: unknown = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new SessionRequestError(0, 'The portal could not be reached; check your connection and try again.')
  }
  const payload = (await response.json().catch(() => null)) as (T & { error?: string }) | null
  if (!response.ok) {
    throw new SessionRequestError(response.status, payload?.error ?? `The portal answered ${response.status}.`)
  }
  return payload as T
}
