import type { Address } from 'viem'
import type { Db } from '#db/client'
import { getCatalog } from '~/courses/catalog.server'
import { getGoverningBodies } from '~/dao/bodies.server'
import { listCertificates } from '~/models/certificates.server'
import { getContributorFigures, listPayouts } from '~/models/contributor-figures.server'
import { getMonthlyActivity, getTimelinePage, getTimelineSubjects } from '~/models/contributor-timeline.server'
import { getDisplayNames } from '~/models/display-names.server'
import { listMyWork } from '~/models/my-work.server'
import { getProfile } from '~/models/profiles.server'
import { listDepartmentTags } from '~/models/contributor-topology.server'
import { renderOptionalMarkdown } from '~/utils/markdown.server'
import { isSafeLinkUrl } from '~/utils/safe-url'
import { priceOf, type UsdPrices } from '~/models/usd-prices.server'
import { formatTokenAmount, tokenInfo, type KnownTokens } from '~/utils/tokens'
import { formatCents, usdFigure } from '~/utils/usd'
import { activityByMonth, earningsByMonth, lastMonths, monthsStart } from './chart-data'
import { lookupEns } from './ens.server'
import { waitingOn, workRoleLabels } from './my-work'
import { timelineKinds, type TimelineKind } from './timeline-kinds'
import { describeTimelineEntry } from './timeline-text'

// Everything /contributors/:address shows, from the models, shaped for the page: untrusted text
// stays text except the bio, which goes through the markdown sanitizer; links are checked here.

export type ProfileView = {
  title: string
  description: string
  descriptionHtml: string | null
  links: { name: string; url: string | null }[]
  metadataUri: string
  updatedAt: number
}

export class BadTimelineFilterError extends Error {
  override name = 'BadTimelineFilterError'
}

/** The timeline's `kind` filter from the URL (repeatable); an unknown kind is the caller's mistake. */
export function parseTimelineKinds(values: string[]): TimelineKind[] {
  const kinds = values.filter((value) => value !== '')
  const unknown = kinds.find((kind) => !(timelineKinds as readonly string[]).includes(kind))
  if (unknown !== undefined) throw new BadTimelineFilterError(`"${unknown.slice(0, 40)}" is not a kind of timeline entry: use ${timelineKinds.join(', ')}.`)
  return [...new Set(kinds)] as TimelineKind[]
}

export function presentProfile(
  db: Db,
  {
    chainId,
    address,
    isOwner,
    now,
    known,
    prices = new Map(),
    kinds,
    cursor,
  }: { chainId: number; address: Address; isOwner: boolean; now: number; known: KnownTokens; prices?: UsdPrices; kinds: TimelineKind[]; cursor: string | null },
) {
  const profile = getProfile(db, address)
  const ens = lookupEns(db, address)
  const figures = getContributorFigures(db, { chainId, address })
  const timeline = getTimelinePage(db, { chainId, address, kinds, cursor })
  const subjects = getTimelineSubjects(db, chainId, timeline.entries)
  const catalog = getCatalog()
  const courses = Object.fromEntries(catalog.courses.map((course) => [course.slug, course.title]))
  const months = lastMonths(now)
  const bodies = getGoverningBodies(chainId)
  const work = isOwner ? listMyWork(db, { chainId, address }) : []
  return {
    profile: profile ? presentProfileText(profile) : null,
    ens: ens?.name ? { name: ens.name, hasAvatar: ens.avatarUrl !== null } : null,
    departments: listDepartmentTags(db, { chainId, address }),
    figures: {
      ...figures,
      ...presentEarnings(figures.earned, known, prices),
      acceptanceRate: figures.applications === 0 ? null : Math.round((figures.applicationsAccepted * 100) / figures.applications),
    },
    timeline: {
      kinds,
      nextCursor: timeline.nextCursor,
      entries: timeline.entries.map((entry) => ({ key: entry.key, kind: entry.kind, at: entry.at, transactionHash: entry.transactionHash, ...describeTimelineEntry(entry, { ...subjects, courses }, chainId, bodies) })),
    },
    activity: activityByMonth(getMonthlyActivity(db, { chainId, address, since: monthsStart(months) }), months),
    earnings: earningsByMonth(listPayouts(db, { chainId, address }), months, known),
    certificates: listCertificates(db, address).map((row) => ({ id: row.id, courseSlug: row.courseSlug, courseTitle: row.courseTitle, issuedAt: row.issuedAt })),
    work: work.map((item) => ({ ...item, roleLabel: workRoleLabels[item.role], waitingOn: waitingOn(item) })),
    displayNames: getDisplayNames(db, chainId, [address]),
  }
}

function presentProfileText(profile: NonNullable<ReturnType<typeof getProfile>>): ProfileView {
  return {
    title: profile.title,
    description: profile.description,
    descriptionHtml: renderOptionalMarkdown(profile.description),
    links: profile.links.map((link) => ({ name: link.name, url: isSafeLinkUrl(link.url) ? link.url : null })),
    metadataUri: profile.metadataUri,
    updatedAt: profile.updatedAt,
  }
}

/**
 * Earnings per token, each with its USD value where the chain has a feed for it, and their sum in
 * USD only when every token has one (a partial sum would understate).
 */
function presentEarnings(earned: { token: string | null; amount: string }[], known: KnownTokens, prices: UsdPrices) {
  const rows = earned.map((e) => {
    const token = tokenInfo(e.token, known)
    return { amount: formatTokenAmount(e.amount, token), usd: usdFigure(e.amount, token, priceOf(prices, e.token)) }
  })
  // formatCents always writes two decimals, so the digits of a figure are its cents.
  const cents = rows.every((row) => row.usd) ? rows.reduce((sum, row) => sum + BigInt(row.usd!.text.replace(/[^0-9]/g, '')), 0n) : null
  return { earned: rows.map((row) => ({ amount: row.amount, usd: row.usd?.text ?? null })), earnedUsd: rows.length && cents !== null ? formatCents(cents) : null }
}
