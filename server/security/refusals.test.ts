import { describe, expect, it } from 'vitest'
import { devnetAccounts } from '#devnet/accounts'
import { HttpBrowser } from '../../test/http-browser'
import { startPortalServer } from '../../test/portal-server'

// Requests the portal refuses get a clear 4xx with the reason, and leave no error (let alone a
// stack trace) in the server's log: they are the client's mistake, or an attack, not a fault.

const server = await startPortalServer()
const stackTraceLine = /^\s+at .+/m

describe('cross-site writes', () => {
  it('answer 403 with the reason on page routes, their .data URLs and resource routes', async () => {
    const attacker = new HttpBrowser(server.origin)
    for (const path of ['/dao/requests', '/tasks', '/courses/openmesh-fundamentals/why-openmesh', '/dao/requests.data', '/auth/nonce', '/ipfs']) {
      const response = await attacker.fetch(path, {
        method: 'POST',
        body: 'note=hello',
        headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      })
      expect(response.status, path).toBe(403)
      expect(((await response.json()) as { error: string }).error, path).toMatch(/^Cross-origin request refused: POST .* not from https:\/\/evil\.example\.$/)
    }
    const withoutOrigin = await fetch(`${server.url}/dao/requests`, { method: 'POST', body: 'note=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(withoutOrigin.status).toBe(403)
    expect(await withoutOrigin.text()).toMatch(/no Origin header/)
    expect(server.output()).not.toMatch(stackTraceLine)
    expect(server.output()).not.toMatch(/CSRF|does not match `origin`/)
  })

  it('show a no-JavaScript form post a page with the reason, escaped', async () => {
    const response = await fetch(`${server.url}/dao/requests`, {
      method: 'POST',
      body: 'note=x',
      headers: { Origin: 'https://evil.example/<b>', 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    const html = await response.text()
    expect(html).toContain('<h1>Error 403</h1>')
    expect(html).toContain('https://evil.example/&#60;b&#62;')
    expect(html).not.toContain('<b>')
  })

  it('let the portal’s own pages write as before', async () => {
    const visitor = new HttpBrowser(server.origin)
    const response = await visitor.fetch('/dao/requests', {
      method: 'POST',
      body: 'note=hello',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    // Anonymous: the action sends the visitor to sign in first (it ran, so nothing refused it).
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/sign-in?redirectTo=%2Fdao%2Frequests')
  })
})

describe('?_data= probes', () => {
  it('answer 400 with the reason, and log nothing', async () => {
    for (const query of ['_data=routes/tasks._index', '_data=root', '_data=', 'q=x&_data=nope']) {
      const response = await fetch(`${server.url}/tasks?${query}`)
      expect(response.status, query).toBe(400)
      expect(await response.text()).toBe('This portal does not answer ?_data= requests: its pages load their data from .data URLs.')
    }
    expect(server.output()).not.toMatch(stackTraceLine)
    expect(server.output()).not.toMatch(/Single fetch-enabled apps/)
  })
})

describe('redirectTo after sign-in', () => {
  it('sends a signed-in visitor on to a path with non-Latin-1 characters, percent-encoded', async () => {
    const visitor = new HttpBrowser(server.origin)
    await visitor.signIn(devnetAccounts[3]!)
    const response = await visitor.fetch(`/sign-in?redirectTo=${encodeURIComponent('/tasks?q=✓ 漢字 €')}`)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/tasks?q=%E2%9C%93%20%E6%BC%A2%E5%AD%97%20%E2%82%AC')
    // Bytes that are not UTF-8 reach the loader as U+FFFD, and are sent on as such.
    const invalid = await visitor.fetch('/sign-in?redirectTo=%2Ftasks%ED%A0%80')
    expect(invalid.status).toBe(302)
    expect(invalid.headers.get('Location')).toBe('/tasks%EF%BF%BD%EF%BF%BD%EF%BF%BD')
    expect(server.output()).not.toMatch(stackTraceLine)
  })
})
