import { directorySorts, type DirectorySort } from '~/models/contributors.server'

// The directory's URL: ?q=&verified=1&completed=1&certificate=1&department=<tag>&sort=&token=&page=.
// Anything malformed is the visitor's mistake and gets a 400 saying which parameter.

export type DirectoryFilter = {
  q: string
  verified: boolean
  completed: boolean
  certificate: boolean
  department: string | null
  sort: DirectorySort
  /** For sort=earned: 'native' or a lowercase token address. */
  token: string
  page: number
}

export const sortLabels: Record<DirectorySort, string> = {
  recent: 'Recently active',
  tasks: 'Most tasks completed',
  earned: 'Most earned',
  votes: 'Most votes',
  newest: 'Newest',
  score: 'Leaderboard (OVC score)',
}

export function parseDirectoryFilter(params: URLSearchParams): DirectoryFilter | { error: string } {
  const q = (params.get('q') ?? '').trim()
  if (q.length > 100) return { error: 'Search for at most 100 characters.' }
  const flag = (name: string) => {
    const value = params.get(name)
    return value === '1' || value === 'on' ? true : value === null || value === '' || value === '0' ? false : null
  }
  const verified = flag('verified')
  const completed = flag('completed')
  const certificate = flag('certificate')
  if (verified === null || completed === null || certificate === null) return { error: 'The filters verified, completed and certificate take 1 or nothing.' }
  const sort = params.get('sort') || 'recent'
  if (!(directorySorts as readonly string[]).includes(sort)) return { error: `"${sort.slice(0, 30)}" is not a way to sort: use ${directorySorts.join(', ')}.` }
  const token = (params.get('token') || 'native').toLowerCase()
  if (token !== 'native' && !/^0x[0-9a-f]{40}$/.test(token)) return { error: 'The token is "native" or a 0x token address.' }
  const department = params.get('department') || null
  if (department !== null && !/^0x[0-9a-fA-F]{64}$/.test(department)) return { error: 'A department is named by its 32-byte tag (0x…).' }
  const rawPage = params.get('page')
  const page = rawPage === null || rawPage === '' ? 1 : /^[1-9][0-9]{0,5}$/.test(rawPage) ? Number(rawPage) : null
  if (page === null) return { error: `"${rawPage!.slice(0, 40)}" is not a page number.` }
  return { q, verified, completed, certificate, department, sort: sort as DirectorySort, token, page }
}

/** The same directory URL with some parameters changed (defaults left out). */
export function directoryHref(filter: DirectoryFilter, change: Partial<DirectoryFilter> = {}): string {
  const next = { ...filter, ...change }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  if (next.verified) params.set('verified', '1')
  if (next.completed) params.set('completed', '1')
  if (next.certificate) params.set('certificate', '1')
  if (next.department) params.set('department', next.department)
  if (next.sort !== 'recent') params.set('sort', next.sort)
  if (next.sort === 'earned' && next.token !== 'native') params.set('token', next.token)
  if (next.page > 1) params.set('page', String(next.page))
  const query = params.toString()
  return query ? `/contributors?${query}` : '/contributors'
}
