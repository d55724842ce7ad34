import { jsonError, readCappedBody } from './responses.server'

/** The request's form data, refusing bodies above `maxBytes` (413) before parsing them, and anything that is not a form (400). */
export async function readCappedFormData(request: Request, maxBytes: number): Promise<FormData | Response> {
  const body = await readCappedBody(request, maxBytes)
  if (body === null) return jsonError(413, `The form is larger than ${maxBytes} bytes.`)
  try {
    return await new Request(request.url, {
      method: 'POST',
      headers: { 'Content-Type': request.headers.get('Content-Type') ?? '' },
      body,
    }).formData()
  } catch {
    return jsonError(400, 'The request body is not a form.')
  }
}
