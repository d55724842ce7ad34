import type { Db } from '#db/client'
import { listMembers, type Member } from '~/models/dao-members.server'
import { listTagHolders } from '~/models/department-members.server'
import type { GoverningBody } from './bodies'

// A signed-in member's standing in the DAO: their OVC, whom their vote counts for, who counts on
// them, and the departments (tags) where they have one vote each — what the voting-power panel
// explains. Zero voting power has a reason: no OVC, never delegated, or delegated to someone else.

export type VoterStanding = {
  address: string
  member: boolean
  tokenId: string | null
  /** Whom their OVC's vote counts for; null when never delegated (no voting power at all). */
  delegate: string | null
  votingPower: string
  /** Members whose vote counts for this one (not counting themselves). */
  delegators: string[]
  departments: { slug: string; name: string }[]
  /** Active members this one may delegate to (everyone but themselves). */
  otherMembers: string[]
}

export function getVoterStanding(db: Db, chainId: number, address: string, bodies: GoverningBody[], members?: Member[]): VoterStanding {
  const all = members ?? listMembers(db, chainId)
  const me = address.toLowerCase()
  const row = all.find((m) => m.address === me && m.active) ?? null
  const tags = new Set(listTagHolders(db, chainId).filter((h) => h.address === me).map((h) => h.tag))
  return {
    address: me,
    member: row !== null,
    tokenId: row?.tokenId ?? null,
    delegate: row?.delegate ?? null,
    votingPower: all.find((m) => m.address === me)?.votingPower ?? '0',
    delegators: all.filter((m) => m.active && m.delegate === me && m.address !== me).map((m) => m.address),
    departments: bodies.filter((b) => b.tag && tags.has(b.tag)).map((b) => ({ slug: b.slug, name: b.name })),
    otherMembers: all.filter((m) => m.active && m.address !== me).map((m) => m.address),
  }
}
