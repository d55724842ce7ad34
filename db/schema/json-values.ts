// JSON shapes stored in the chain tables' JSON columns, shared by the schema files (a file of its
// own so chain.ts, governance.ts and openrd-extensions.ts need not import one another).

/** A decoded ABI value as JSON: bigints as decimal strings, addresses lowercase. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export type NativeRewardEntry = { to: string; amount: string }
export type TokenRewardEntry = { nextToken: boolean; to: string; amount: string }
/** One argument of a decoded call, named and typed as in the target's ABI. */
export type DecodedArg = { name: string; type: string; value: JsonValue }
export type DecodedAction = {
  to: string
  value: string
  data: string
  /** Set when `to` is one of the portal's contracts and the calldata decodes against its ABI. */
  contract?: string
  functionName?: string
  args?: DecodedArg[]
  /** For SmartAccount.performCall (how a department acts): the call the smart account makes, decoded the same way. */
  inner?: DecodedAction
}
