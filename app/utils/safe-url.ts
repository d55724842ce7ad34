/** True for an http(s) or mailto URL: the only links the portal renders from untrusted text. */
export function isSafeLinkUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:'
  } catch {
    return false
  }
}

/** Every link the portal renders from untrusted text carries these. */
export const UNTRUSTED_LINK_REL = 'noopener noreferrer nofollow'
