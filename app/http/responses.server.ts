// Small helpers for the JSON endpoints (the session's auth.* resource routes, POST /ipfs).

export const noStore = { 'Cache-Control': 'no-store' }

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: noStore })
}

export function jsonOk(body: Record<string, unknown>, setCookies: string[] = []): Response {
  const headers = new Headers(noStore)
  for (const cookie of setCookies) headers.append('Set-Cookie', cookie)
  return Response.json(body, { headers })
}

/** The request body as JSON, refusing more than `maxBytes` (413) and anything but JSON (400). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('Content-Type') ?? '')) {
    throw jsonError(400, 'Send the request body as application/json.')
  }
  const body = await readCappedBody(request, maxBytes)
  if (body === null) throw jsonError(413, `The request body is larger than ${maxBytes} bytes.`)
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw jsonError(400, 'The request body is not valid JSON.')
  }
}

/**
 * The request body's bytes, or null when it is larger than `maxBytes`: refused on its declared
 * Content-Length before reading, else as soon as the bytes read pass the cap (the rest is not read).
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (declared > maxBytes) return null
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        return null
      }
      chunks.push(value)
    }
  }
  return Buffer.concat(chunks)
}
