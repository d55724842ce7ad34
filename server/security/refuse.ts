import type { Request, Response } from 'express'

// How the server's own guards (body limits, rate limits, the Origin check) answer a request
// they refuse before Remix sees it: the status and the reason, in the form the client reads.
// The portal's fetch calls (sign-in, POST /ipfs) ask for JSON and show `error`; a browser
// posting a form without JavaScript gets a small page; anything else plain text.

export function refuse(req: Request, res: Response, status: number, reason: string, headers: Record<string, string> = {}): void {
  res.status(status).set({ 'Cache-Control': 'no-store', ...headers })
  switch (req.accepts(['text/plain', 'application/json', 'text/html'])) {
    case 'application/json':
      res.json({ error: reason })
      return
    case 'text/html':
      res.type('html').send(refusalPage(status, reason))
      return
    default:
      res.type('text/plain').send(reason)
  }
}

function refusalPage(status: number, reason: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error ${status} · Openmesh Portal</title></head><body><h1>Error ${status}</h1><p>${escapeHtml(reason)}</p><p><a href="/">Back to the portal</a></p></body></html>`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
