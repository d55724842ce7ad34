/**
 * A same-site path to go to after signing in; anything else (absolute URLs, `//host`, `/\host`,
 * control characters) falls back, so `redirectTo` cannot send anyone off the portal.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || to.length > 2048 || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback
  return to
}
