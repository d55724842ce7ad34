// The version of what the projection handlers write. Bump it with any change to a handler or a
// projection table that changes rows: on its next start the indexer finds databases written by an
// older version (sync_checkpoints.projection_version) and rebuilds their projections from raw_logs,
// so they hold exactly the rows a fresh index would.
//   1: task_events, execution transactions of proposals and optimistic actions, OPEN token calls
//      decoded in DAO actions with their arguments' names and types.
//   2: Openmesh's topology: proposals and votes per plugin (TagVoting too), trustless actions per
//      (contract, dao, id) with their creator, OVC tokens and department tags, TrustlessManagement
//      permissions, RFPs and projects, disputes and drafts.
//   3: tokens (budget tokens' symbol, name and decimals as read on chain).
//   4: a dispute's document registered as a dispute (with its body), not as the action it queues;
//      an RFP's as an RFP document, not as a task document.
export const PROJECTION_VERSION = 4
