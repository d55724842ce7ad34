/**
 * A same-site path to go to after signing in; anything else (absolute URLs, `//host`, `/\host`,
 * control characters) falls back, so `redirectTo` cannot send anyone off the portal. Characters
 * a Location header cannot carry (beyond printable ASCII) are percent-encoded, so the redirect
 * lands on the same page rather than failing.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || to.length > 2048 || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback
  try {
    return to.replace(/[^\u0021-\u007e]/gu, (char) => encodeURIComponent(char))
  } catch {
    return fallback // a lone surrogate has no encoding
  }
}
