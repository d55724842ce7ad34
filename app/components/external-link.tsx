import { stripHiddenChars } from '~/utils/hidden-chars'
import { UNTRUSTED_LINK_REL } from '~/utils/safe-url'
import { UntrustedText } from './untrusted-text'

/** A link from untrusted metadata: only http(s)/mailto URLs (checked on the server) become links. */
function ExternalLink({ name, url }: { name: string; url: string | null }) {
  if (!url) return <span className="muted"><UntrustedText text={name} /> (link removed: not an http(s) address)</span>
  return (
    <a href={stripHiddenChars(url)} rel={UNTRUSTED_LINK_REL} target="_blank">
      <UntrustedText text={name} />
    </a>
  )
}

/** A titled list of untrusted links, or nothing when there are none. */
export function ExternalLinks({ title, links }: { title: string; links: { name: string; url: string | null }[] }) {
  if (links.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {links.map((link, index) => (
          <li key={index}>
            <ExternalLink name={link.name} url={link.url} />
          </li>
        ))}
      </ul>
    </>
  )
}
