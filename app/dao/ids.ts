// URL ids of DAO pages. Anything else is a 404, never a query with a malformed key.

/** Aragon proposal ids are uint256 counters, written in decimal. */
export function parseProposalId(value: string | undefined): string | null {
  return value !== undefined && /^(0|[1-9][0-9]{0,77})$/.test(value) && BigInt(value) < 2n ** 256n ? value : null
}

/** Optimistic action ids are uint32. */
export function parseActionId(value: string | undefined): number | null {
  if (value === undefined || !/^(0|[1-9][0-9]{0,9})$/.test(value)) return null
  const id = Number(value)
  return id <= 0xffff_ffff ? id : null
}
