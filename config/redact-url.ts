// An endpoint as logs and error messages may show it: RPC URLs often carry an API key in the path
// or query, so only the scheme and host are kept.

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.length > 1 ? '/…' : ''}`
  } catch {
    return '(invalid URL)'
  }
}
