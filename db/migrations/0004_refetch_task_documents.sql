-- Task and optimistic-action documents cached before the indexer and the app read documents with
-- one definition (documents/) lost fields the cache now keeps: a task's `requiredCourse` (its
-- course gate) and an action's `summary`. They are fetched again (the local content store first):
-- until then a page shows them as pending, as it does any document not resolved yet.
UPDATE metadata_documents SET status = 'pending', attempts = 0, next_attempt_at = 0
WHERE status = 'ok' AND kind IN ('task', 'action');
