/** The outcome of running a DAO's calls as eth_calls from its address (simulate-actions.server.ts). */
export type Simulation = { ok: true } | { ok: false; index: number; reason: string } | { ok: null; reason: string }
