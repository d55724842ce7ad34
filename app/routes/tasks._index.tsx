import type { Db } from '#db/client'
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { AddressLink } from '~/components/address-link'
import { ErrorPage } from '~/components/error-page'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'
import { getChainNow } from '~/models/chain-time.server'
import { getDisplayNames } from '~/models/display-names.server'
import { getKnownTokens } from '~/models/known-tokens.server'
import { cachedRead } from '~/models/read-cache.server'
import { BadCursorError, getBudgetTokens, getPopularTags, getTaskPage } from '~/models/task-board.server'
import { getAddress } from '~/session/auth.server'
import type { BoardFilter } from '~/tasks/board-filter'
import { formatTokenAmount, parseBoardFilter, tokenInfo } from '~/tasks/board-loader.server'
import { boardSearchParams, taskStates } from '~/tasks/board-url'
import { Deadline, OutdatedBudgetNote, StateBadge } from '~/tasks/components/task-badges'
import tasksStyles from '~/tasks/tasks.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: tasksStyles }]

export const meta: MetaFunction = () => [
  { title: 'Tasks · Openmesh Portal' },
  { name: 'description', content: 'OpenR&D tasks: escrowed on chain, open to every contributor.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseBoardFilter(new URL(request.url).searchParams)
  if ('error' in parsed) throw data(parsed.error, { status: 400 })
  const { filter } = parsed
  const chainId = getChainId()
  const db = getDb()
  // Everything but the viewer is the same for every visitor until the database changes.
  // The board's rows do not depend on chain time (only how deadlines read, from `now`), so it is
  // no part of the key: chain time moves with the wall clock on an idle chain.
  const board = cachedRead(db, 'tasks-board', { chainId, filter }, () => readBoard(db, chainId, filter))
  return { ...board, filter, now: getChainNow(db, chainId), viewer: await getAddress(request) }
}

function readBoard(db: Db, chainId: number, filter: BoardFilter) {
  const known = getKnownTokens(db, chainId)
  let page
  try {
    page = getTaskPage(db, { chainId, filter, known })
  } catch (error) {
    if (error instanceof BadCursorError) throw data(error.message, { status: 400 })
    throw error
  }
  const tokens = getBudgetTokens(db, chainId).map((address) => ({ value: address, label: tokenInfo(address, known).symbol }))
  return {
    counts: page.counts,
    nextCursor: page.nextCursor,
    tasks: page.items.map((task) => ({
      ...task,
      budgets: task.budgets.map((b) => formatTokenAmount(b.amount, tokenInfo(b.token, known))),
    })),
    tags: getPopularTags(db, chainId),
    tokenOptions: [
      { value: 'native', label: tokenInfo(null, known).symbol },
      ...(known.openToken ? [{ value: 'open', label: 'OPEN' }] : []),
      ...tokens.filter((t) => t.value !== known.openToken?.toLowerCase()),
    ],
    // The managers, named as on every other page (app/components/person-name.tsx).
    displayNames: getDisplayNames(db, chainId, page.items.map((task) => task.manager)),
  }
}

const stateTitles = { open: 'Open', taken: 'Taken', closed: 'Closed' } as const

export default function TasksBoard() {
  const { filter, tasks, counts, nextCursor, tags, tokenOptions, now, viewer } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const total = counts.open + counts.taken + counts.closed
  const href = (changes: Partial<BoardFilter>) => `?${boardSearchParams({ ...filter, cursor: undefined, ...changes })}`
  const advanced = Boolean(filter.tag || filter.token || filter.min || filter.max || filter.after || filter.before || filter.manager || filter.applicant)

  return (
    <div className="tasks-board">
      <div className="board-heading">
        <h1>Tasks</h1>
        <Link to="/tasks/new" className="button">
          Create a task
        </Link>
      </div>

      <Form method="get" className="board-filters" role="search" aria-label="Search and filter tasks">
        {filter.state ? <input type="hidden" name="state" value={filter.state} /> : null}
        <div className="board-search">
          <label htmlFor="board-q" className="visually-hidden">
            Search tasks
          </label>
          <input id="board-q" type="search" name="q" defaultValue={filter.q ?? ''} placeholder="Search titles, descriptions and tags" />
          <label htmlFor="board-sort" className="visually-hidden">
            Sort by
          </label>
          <select id="board-sort" name="sort" defaultValue={filter.sort}>
            <option value="newest">Newest first</option>
            <option value="budget">Largest budget</option>
            <option value="deadline">Deadline soonest</option>
          </select>
          <button type="submit">Search</button>
        </div>
        <details open={advanced}>
          <summary>More filters</summary>
          <div className="filter-grid">
            <div>
              <label htmlFor="board-tag">Tag</label>
              <input id="board-tag" name="tag" list="board-tags" defaultValue={filter.tag ?? ''} />
              <datalist id="board-tags">
                {tags.map((t) => (
                  <option key={t.tag} value={t.tag} />
                ))}
              </datalist>
            </div>
            <div>
              <label htmlFor="board-token">Budget token</label>
              <select id="board-token" name="token" defaultValue={filter.token ?? ''}>
                <option value="">Any (ETH for range and sort)</option>
                {tokenOptions.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="board-min">Budget at least</label>
              <input id="board-min" name="min" inputMode="decimal" defaultValue={filter.min ?? ''} placeholder="0" />
            </div>
            <div>
              <label htmlFor="board-max">Budget at most</label>
              <input id="board-max" name="max" inputMode="decimal" defaultValue={filter.max ?? ''} />
            </div>
            <div>
              <label htmlFor="board-after">Deadline from</label>
              <input id="board-after" type="date" name="after" defaultValue={filter.after ?? ''} />
            </div>
            <div>
              <label htmlFor="board-before">Deadline until</label>
              <input id="board-before" type="date" name="before" defaultValue={filter.before ?? ''} />
            </div>
            <div>
              <label htmlFor="board-manager">Manager address</label>
              <input id="board-manager" name="manager" defaultValue={filter.manager ?? ''} placeholder="0x…" />
            </div>
            <div>
              <label htmlFor="board-applicant">Applicant address</label>
              <input id="board-applicant" name="applicant" defaultValue={filter.applicant ?? ''} placeholder="0x…" />
              {viewer ? (
                <Link to={href({ applicant: viewer.toLowerCase() })} className="small">
                  My applications
                </Link>
              ) : null}
            </div>
          </div>
          <p>
            <button type="submit">Apply filters</button> <Link to="/tasks">Clear all</Link>
          </p>
        </details>
      </Form>

      <nav aria-label="Task states" className="state-tabs">
        <Link to={href({ state: undefined })} aria-current={!filter.state ? 'page' : undefined}>
          All <span className="count">{total}</span>
        </Link>
        {taskStates.map((state) => (
          <Link key={state} to={href({ state })} aria-current={filter.state === state ? 'page' : undefined}>
            {stateTitles[state]} <span className="count">{counts[state]}</span>
          </Link>
        ))}
      </nav>


      <section aria-label="Tasks" aria-busy={navigation.state === 'loading'}>
        {tasks.length === 0 ? (
          <p className="muted">{total === 0 && !filter.q && !advanced ? 'No tasks indexed yet.' : 'No task matches these filters.'}</p>
        ) : (
          <ul className="task-list">
            {tasks.map((task) => (
              <li key={`${task.chainId}-${task.taskId}`} className="task-card" data-task-id={task.taskId}>
                <div className="task-card-head">
                  <h2>
                    <Link to={`/tasks/${task.chainId}/${task.taskId}`}>{task.title ?? `Task #${task.taskId}`}</Link>
                  </h2>
                  <StateBadge state={task.state} outcome={task.outcome} />
                </div>
                {task.title === null ? (
                  <p className="muted small">
                    {task.metadataStatus === 'pending' || task.metadataStatus === 'unknown' ? 'Metadata is being fetched.' : 'Metadata unavailable.'}
                  </p>
                ) : null}
                <dl className="task-facts">
                  <dt>Budget</dt>
                  <dd>
                    {task.budgets.join(' + ')}
                    {task.budgetOutdated ? <OutdatedBudgetNote> (may be out of date)</OutdatedBudgetNote> : null}
                  </dd>
                  <dt>Deadline</dt>
                  <dd>
                    <Deadline deadline={task.deadline} now={now} closed={task.state === 'closed'} />
                  </dd>
                  <dt>Manager</dt>
                  <dd>
                    <AddressLink address={task.manager} />
                  </dd>
                  <dt>Applications</dt>
                  <dd>{task.applicationCount}</dd>
                </dl>
                {task.tags.length > 0 ? (
                  <ul className="tags" aria-label="Tags">
                    {task.tags.map((tag) => (
                      <li key={tag}>
                        <Link to={href({ tag })} className="pill">
                          {tag}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav aria-label="Pages" className="pager">
        {filter.cursor ? <Link to={href({})}>First page</Link> : null}
        {nextCursor ? (
          <Link to={`?${boardSearchParams({ ...filter, cursor: nextCursor })}`} rel="next">
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
