// URL ids of DAO pages. Anything else is a 404, never a query with a malformed key.

/** Aragon proposal ids are uint256 counters, written in decimal. */
export function parseProposalId(value: string | undefined): string | null {
  return value !== undefined && /^(0|[1-9][0-9]{0,77})$/.test(value) && BigInt(value) < 2n ** 256n ? value : null
}

/** The kinds of trustless actions, as URLs name them. */
export function parseActionKind(value: string | undefined): 'optimistic' | 'pessimistic' | null {
  return value === 'optimistic' || value === 'pessimistic' ? value : null
}

/** Trustless action ids (and RFP project ids) are uint32. */
export function parseActionId(value: string | undefined): number | null {
  if (value === undefined || !/^(0|[1-9][0-9]{0,9})$/.test(value)) return null
  const id = Number(value)
  return id <= 0xffff_ffff ? id : null
}

/** RFP ids are counters: read up to 2^53 (past that no RFP exists). */
export function parseRfpId(value: string | undefined): number | null {
  if (value === undefined || !/^(0|[1-9][0-9]{0,15})$/.test(value)) return null
  const id = Number(value)
  return Number.isSafeInteger(id) ? id : null
}
