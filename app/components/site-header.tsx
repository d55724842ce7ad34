import { NavLink } from '@remix-run/react'
import { SessionArea, WrongNetworkArea } from '~/wallet/session-area'

const sections = [
  { to: '/tasks', label: 'Tasks' },
  { to: '/rfps', label: 'RFPs' },
  { to: '/courses', label: 'Courses' },
  { to: '/dao', label: 'DAO' },
  { to: '/contributors', label: 'Contributors' },
]

export function SiteHeader({ address }: { address: `0x${string}` | null }) {
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
          </ul>
        </nav>
        <SessionArea address={address} />
      </header>
      <WrongNetworkArea />
    </>
  )
}
