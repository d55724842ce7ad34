/**
 * Why a task's or a proposal's metadata (its IPFS document) is missing, above the facts the page
 * still shows from the chain. `error` is the indexer's reason, untrusted text rendered as text.
 */
export function MetadataNotice({ state, error, subject }: { state: string; error: string | null; subject: string }) {
  const reason =
    state === 'pending'
      ? 'the description is still being fetched.'
      : error
        ? asSentence(error)
        : state === 'none'
          ? `the ${subject} has no metadata.`
          : null
  return (
    <p className="notice" role="note">
      Metadata unavailable{reason ? `: ${reason}` : '.'} The facts below come from the chain.
    </p>
  )
}

/** The indexer's reasons are fragments ("HTTP 404"): end them so the next sentence reads as one. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}
