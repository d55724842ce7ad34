import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { ExternalLinks } from '~/components/external-link'
import { Markdown } from '~/components/markdown'
import { PersonName } from '~/components/person-name'
import { When } from '~/components/when'
import { CertificatesSection } from '~/courses/components/certificates-section'
import coursesStyles from '~/courses/courses.css'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { getKnownTokens } from '~/models/known-tokens.server'
import { cachedRead } from '~/models/read-cache.server'
import { getUsdPrices, priceRounds } from '~/models/usd-prices.server'
import { BadTimelineCursorError } from '~/models/contributor-timeline.server'
import { ActivityChart, EarningsChart } from '~/profiles/charts'
import { BadTimelineFilterError, parseTimelineKinds, presentProfile } from '~/profiles/present-profile.server'
import { ProfileEditor } from '~/profiles/profile-editor'
import profilesStyles from '~/profiles/profiles.css'
import { timelineKindLabels as kindLabels, timelineKinds } from '~/profiles/timeline-kinds'
import { getAddress } from '~/session/auth.server'
import { parseAddress } from '~/utils/address-checks'
import { Identicon } from '~/wallet/identicon'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: coursesStyles },
  { rel: 'stylesheet', href: profilesStyles },
]

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.name ?? page.address} · Contributors · Openmesh Portal` : 'Contributor · Openmesh Portal' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const address = parseAddress(params.address)
  if (!address) throw data(`"${(params.address ?? '').slice(0, 60)}" is not an address: a contributor is identified by a 0x address (40 hex digits).`, { status: 404 })
  const url = new URL(request.url)
  const cursor = url.searchParams.get('cursor')
  const db = getDb()
  const chainId = getChainId()
  const viewer = await getAddress(request)
  const isOwner = viewer !== null && viewer.toLowerCase() === address.toLowerCase()
  try {
    // Chain time is part of the key: it moves with the wall clock on an idle chain.
    const now = getChainNow(db, chainId)
    const kinds = parseTimelineKinds(url.searchParams.getAll('kind'))
    const at = cursor === '' ? null : cursor
    // USD prices come from a background loop, not the database: their rounds are in the key too.
    const prices = getUsdPrices(chainId)
    // The same for every visitor but the owner until the database changes.
    const page = cachedRead(db, 'profile', { chainId, address: address.toLowerCase(), isOwner, now, kinds, cursor: at, prices: priceRounds(prices) }, () =>
      presentProfile(db, { chainId, address, isOwner, now, known: getKnownTokens(db, chainId), prices, kinds, cursor: at }),
    )
    const name = page.displayNames[address.toLowerCase()] ?? null
    return { ...page, address, chainId, isOwner, name, now }
  } catch (error) {
    if (error instanceof BadTimelineCursorError || error instanceof BadTimelineFilterError) throw data(error.message, { status: 400 })
    throw error
  }
}

export default function ContributorProfile() {
  const page = useLoaderData<typeof loader>()
  const { address, isOwner, profile, ens, figures, departments, timeline, now } = page
  return (
    <div className="profile-page">
      <header className="profile-head">
        {ens?.hasAvatar ? (
          <img className="profile-avatar" src={`/contributors/${address}/avatar`} alt="" width={72} height={72} />
        ) : (
          <span className="profile-avatar">
            <Identicon address={address} size={72} />
          </span>
        )}
        <div>
          <h1 className="break">
            <PersonName address={address} />
          </h1>
          <p className="profile-address">
            <code className="break">{address}</code>
            {ens && ens.name !== page.name ? <span className="pill">{ens.name}</span> : null}
          </p>
          <ul className="profile-badges" aria-label="Badges">
            {figures.membership?.active ? (
              <li className="pill badge-ovc">Verified contributor{figures.membership.tokenId ? ` · OVC #${figures.membership.tokenId.length > 12 ? `${figures.membership.tokenId.slice(0, 10)}…` : figures.membership.tokenId}` : ''}</li>
            ) : figures.membership ? (
              <li className="pill">Former verified contributor</li>
            ) : null}
            {departments.map((department) => (
              <li key={department.tag} className="pill badge-department">
                <Link to={`/dao/departments/${department.slug}`}>{department.name} department</Link>
              </li>
            ))}
            {isOwner ? <li className="pill">This is you</li> : null}
          </ul>
        </div>
      </header>

      {profile?.descriptionHtml ? <Markdown html={profile.descriptionHtml} className="profile-bio" /> : <p className="muted">{isOwner ? 'You have not written a bio yet.' : 'No bio yet.'}</p>}
      {profile ? <ExternalLinks title="Links" links={profile.links} /> : null}
      {isOwner ? (
        <details className="profile-edit">
          <summary>Edit your profile</summary>
          <ProfileEditor address={address} profile={profile} />
        </details>
      ) : null}

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">In figures</h2>
        <dl className="profile-figures">
          <Figure label="Tasks completed" value={figures.tasksCompleted} note={figures.tasksCompletedByDispute ? `+ ${figures.tasksCompletedByDispute} settled by dispute` : undefined} />
          <Figure
            label="Earned"
            value={figures.earned.length ? figures.earned.map((e) => (e.usd ? `${e.amount} (${e.usd})` : e.amount)).join(' · ') : '—'}
            note={figures.earned.length === 0 ? undefined : figures.earnedUsd ? `≈ ${figures.earnedUsd} in all at today’s prices` : 'per token (no USD price feed for these tokens)'}
          />
          <Figure label="Applications" value={figures.applications} note={figures.acceptanceRate === null ? undefined : `${figures.acceptanceRate}% accepted`} />
          <Figure label="Tasks managed" value={figures.tasksManaged} />
          <Figure label="RFP projects" value={figures.rfpProjects} />
          <Figure label="Proposals" value={figures.proposals} />
          <Figure label="Votes" value={figures.votes} />
          <Figure label="Optimistic actions executed" value={figures.optimisticActions} />
          <Figure label="Courses completed" value={figures.coursesCompleted} />
          <Figure label="Certificates" value={figures.certificates} />
        </dl>
        {figures.firstSeen ? (
          <p className="muted">
            First seen <When at={figures.firstSeen} now={now} />.
          </p>
        ) : null}
      </section>

      {isOwner ? <MyWork work={page.work} chainId={page.chainId} now={now} /> : null}

      <section aria-labelledby="charts-heading" className="profile-charts">
        <h2 id="charts-heading">Over the last year</h2>
        <ActivityChart months={page.activity} />
        <EarningsChart series={page.earnings} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <Form method="get" className="timeline-filter" aria-label="Filter the timeline">
          <fieldset>
            <legend>Show</legend>
            {timelineKinds.map((kind) => (
              <label key={kind}>
                <input type="checkbox" name="kind" value={kind} defaultChecked={timeline.kinds.includes(kind)} /> {kindLabels[kind]}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="secondary">
            Filter
          </button>
          {timeline.kinds.length ? <Link to=".">Show everything</Link> : null}
        </Form>
        {timeline.entries.length === 0 ? (
          <p className="muted">{timeline.kinds.length ? 'Nothing of these kinds.' : 'No activity yet.'}</p>
        ) : (
          <ol className="timeline" aria-label="Timeline entries, newest first">
            {timeline.entries.map((entry) => (
              <li key={entry.key} data-kind={entry.kind}>
                <span className="pill">{kindLabels[entry.kind]}</span> {entry.text}
                {entry.subject ? (
                  <>
                    {' '}
                    <Link to={entry.subject.href}>{entry.subject.label}</Link>
                  </>
                ) : null}{' '}
                <span className="muted">
                  · <When at={entry.at} now={now} />
                </span>
              </li>
            ))}
          </ol>
        )}
        {timeline.nextCursor ? (
          <nav aria-label="Timeline pages">
            <Link to={`?${new URLSearchParams([...timeline.kinds.map((kind) => ['kind', kind]), ['cursor', timeline.nextCursor]]).toString()}`} rel="next">
              Older entries
            </Link>
          </nav>
        ) : null}
      </section>

      <CertificatesSection certificates={page.certificates} isOwner={isOwner} />
    </div>
  )
}

function Figure({ label, value, note }: { label: string; value: number | string; note?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {value}
        {note ? <span className="muted small"> {note}</span> : null}
      </dd>
    </div>
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

function MyWork({ work, chainId, now }: { work: Loaded['work']; chainId: number; now: number }) {
  return (
    <section aria-labelledby="work-heading">
      <h2 id="work-heading">My work</h2>
      {work.length === 0 ? (
        <p className="muted">
          Nothing waiting: no open task you manage, execute or applied to. <Link to="/tasks">Find a task</Link>.
        </p>
      ) : (
        <ul className="my-work">
          {work.map((item) => (
            <li key={`${item.role}-${item.taskId}`} className="card">
              <span className="pill">{item.roleLabel}</span> <Link to={`/tasks/${chainId}/${item.taskId}`}>{item.title ?? `Task #${item.taskId}`}</Link>
              <span className="muted small">
                {' '}
                · due <When at={item.deadline} now={now} />
              </span>
              <p className={item.waitingOn.who === 'you' ? 'waiting-you' : 'waiting-others'}>
                {item.waitingOn.who === 'you' ? 'Waiting on you: ' : 'Waiting on: '}
                {item.waitingOn.text}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
