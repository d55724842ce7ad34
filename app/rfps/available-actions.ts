// What the signed-in address can do to an RFP now, following the RFPs contract's rules
// (contracts/openrd/RFPs.sol): anyone submits a project before the deadline; only the manager
// accepts projects and empties the RFP; anyone may top its escrow up. The contract stays the
// judge: a stale page that offers too much gets the contract's error in words.

export type RfpFacts = { manager: string; deadline: number; emptied: boolean; projects: { projectId: number; accepted: boolean }[] }

export type RfpActions = { submitProject: boolean; accept: number[]; empty: boolean; topUp: boolean }

const noRfpActions: RfpActions = { submitProject: false, accept: [], empty: false, topUp: false }

export function rfpActions(rfp: RfpFacts, viewer: string | null, now: number): RfpActions {
  if (!viewer || rfp.emptied) return noRfpActions
  const isManager = rfp.manager.toLowerCase() === viewer.toLowerCase()
  return {
    submitProject: rfp.deadline > now,
    accept: isManager ? rfp.projects.filter((p) => !p.accepted).map((p) => p.projectId) : [],
    empty: isManager,
    topUp: true,
  }
}
