import type { Db } from '#db/client'
import { listVotedProposalKeys } from '~/models/dao-members.server'
import type { GoverningBody } from './bodies'
import type { VoterStanding } from './voting-power.server'

// The markers of the proposal list that answer "what needs me?": a vote that ends soon, and an
// open vote the signed-in member could cast but has not (Openmesh DAO: a member with voting power;
// a department: one of its members).

export type ProposalMarker = 'ends-soon' | 'not-voted'

/** Ends within a day, or within its last fifth when it is shorter (the devnet's 5-minute votes). */
function endsSoon(p: { startDate: number; endDate: number }, now: number): boolean {
  const left = p.endDate - now
  return left > 0 && left <= Math.min(24 * 3600, Math.max(60, (p.endDate - p.startDate) / 5))
}

export function markerFinder(db: Db, chainId: number, bodies: GoverningBody[], standing: VoterStanding | null) {
  const voted = standing ? listVotedProposalKeys(db, chainId, standing.address) : new Set<string>()
  const mayVote = (plugin: string) => {
    if (!standing) return false
    const body = bodies.find((b) => b.plugin === plugin)
    if (!body) return false
    return body.department ? standing.departments.some((d) => d.slug === body.slug) : standing.member && standing.votingPower !== '0'
  }
  return (p: { plugin: string; proposalId: string; startDate: number; endDate: number; outcome: { state: string } }, now: number): ProposalMarker[] => {
    if (p.outcome.state !== 'active') return []
    const markers: ProposalMarker[] = []
    if (endsSoon(p, now)) markers.push('ends-soon')
    if (mayVote(p.plugin) && !voted.has(`${p.plugin}:${p.proposalId}`)) markers.push('not-voted')
    return markers
  }
}
