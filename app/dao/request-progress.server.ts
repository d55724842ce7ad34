import type { Db } from '#db/client'
import { listMembers } from '~/models/dao-members.server'
import { listTrustlessActions } from '~/models/trustless-actions.server'
import { actionPath } from './bodies'
import { getGoverningBodies } from './bodies.server'
import { getKnownContracts } from './contracts.server'
import { getChainNow } from '~/models/chain-time.server'

// A membership request followed to "member": the learner holds an OVC, or an optimistic action of
// the Openmesh DAO minting one to them is pending / ready / rejected (the newest one).

export type RequestProgress = { member: boolean; action: { path: string; state: string } | null }

export function requestProgress(db: Db, chainId: number, addresses: string[]): Record<string, RequestProgress> {
  const wanted = new Set(addresses.map((a) => a.toLowerCase()))
  if (wanted.size === 0) return {}
  const bodies = getGoverningBodies(chainId)
  const openmesh = bodies.find((b) => b.slug === 'openmesh')
  const members = new Set(listMembers(db, chainId).filter((m) => m.active).map((m) => m.address))
  const actions = openmesh
    ? listTrustlessActions(db, { chainId, now: getChainNow(db, chainId), known: getKnownContracts(chainId), dao: openmesh.account, kind: 'optimistic' })
    : []
  const progress: Record<string, RequestProgress> = {}
  for (const address of wanted) {
    // Newest first: the latest action that names them in a call.
    const action = actions.find((a) => a.calls.some((segments) => segments.some((s) => 'address' in s && s.address.toLowerCase() === address)))
    progress[address] = {
      member: members.has(address),
      action: action ? { path: actionPath(bodies, action.dao, 'optimistic', action.actionId), state: action.state } : null,
    }
  }
  return progress
}
