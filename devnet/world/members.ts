import { verifiedContributorAbi, verifiedContributorTagManagerAbi } from '../../contracts-abi'
import type { Department } from '../topology'
import type { WorldKit } from './kit'
import { genesisMembers, type DepartmentKey } from './specs/departments'
import { delegations, founders } from './specs/governance'

// Who belongs: the founding OVC holders, minted by the Openmesh admin (the deployer holds MINT, as
// the OpenmeshAdmin smart account does on Polygon), their delegations, and each department's
// first tag holders. Later members come through the real paths (an optimistic action mints an OVC,
// a CoreMember vote adds a tag: ./optimistic-actions.ts, ./department-votes.ts).

export async function seedFounders(kit: WorldKit): Promise<void> {
  const ovc = kit.topology.verifiedContributor.address
  for (const { member, tokenId } of founders) {
    await kit.send(0, ovc, verifiedContributorAbi, 'mint', [kit.address(member), tokenId], { label: `mint the OVC of founder ${member}` })
  }
  await seedDelegations(kit, 'genesis')
}

/** The delegations of members added at genesis, or (`added`) once the optimistic mints have run. */
export async function seedDelegations(kit: WorldKit, after: 'genesis' | 'added'): Promise<void> {
  const ovc = kit.topology.verifiedContributor.address
  for (const delegation of delegations.filter((d) => d.after === after)) {
    await kit.send(delegation.from, ovc, verifiedContributorAbi, 'delegate', [kit.address(delegation.to)])
  }
}

/**
 * The genesis tag holders. A department adds members by vote, which needs members: at genesis its
 * smart account (which holds the tag's role on the tag manager) tags the founders itself, sent
 * here as the account (impersonated), exactly the call a vote would make it perform.
 */
export async function seedGenesisTags(kit: WorldKit): Promise<void> {
  for (const [key, members] of Object.entries(genesisMembers) as [DepartmentKey, number[]][]) {
    const department: Department = kit.topology.departments[key]
    for (const member of members) {
      const tokenId = founders.find((f) => f.member === member)!.tokenId
      await kit.send(department.smartAccount.address, kit.topology.tagManager.address, verifiedContributorTagManagerAbi, 'addTag', [tokenId, department.tag], {
        label: `${department.name}: tag founder ${member}`,
      })
    }
  }
}
