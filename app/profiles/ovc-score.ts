// The leaderboard's score (computed in SQL by app/models/contributors.server.ts with these weights), after Openmesh's OVC indexer (Openmesh-Network/ovc-indexer,
// utils/score-calculator.ts, event-watchers/TaskCompleted.ts): every TaskCompleted of a task whose
// executor holds an OVC adds the task's value to that verified contributor's score for the current
// epoch, and a score is the sum of the last six epochs weighted 5, 3, 2, 1, 1, 1, newest first; only
// holders of an OVC are ranked. Two differences, both stated on the page: the ovc-indexer's epochs
// are appended by hand and the portal's are calendar months (UTC, chain time), and a task's value
// there is its budget in USD, which needs a price feed the portal does not have, so each completed
// task counts 1 (docs/decisions/047-contributor-profiles-openrd-signed-documents.md).

export const OVC_EPOCH_WEIGHTS = [5, 3, 2, 1, 1, 1] as const

