import { NavLink } from '@remix-run/react'
import { SessionArea, WrongNetworkArea } from '~/wallet/session-area'

const sections = [
  { to: '/tasks', label: 'Tasks' },
  { to: '/rfps', label: 'RFPs' },
  { to: '/courses', label: 'Courses' },
  { to: '/dao', label: 'DAO' },
  { to: '/contributors', label: 'Contributors' },
]

/** `unread`: the signed-in person's unread inbox items (null when nobody is signed in). */
export function SiteHeader({ address, unread = null }: { address: `0x${string}` | null; unread?: number | null }) {
  return (
    <>
      <header className="site-header">
        <NavLink to="/" className="brand">
          Openmesh Portal
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {sections.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to}>{section.label}</NavLink>
              </li>
            ))}
            {unread !== null ? (
              <li>
                {/* The name is the visible text plus "unread" (screen readers hear "Inbox 13 unread"; speech input users say what they see). */}
                <NavLink to="/inbox">
                  Inbox
                  {unread > 0 ? (
                    <>
                      {' '}
                      <span className="inbox-count">{unread > 99 ? '99+' : unread}</span>
                      <span className="visually-hidden"> unread</span>
                    </>
                  ) : null}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <SessionArea address={address} />
      </header>
      <WrongNetworkArea />
    </>
  )
}
