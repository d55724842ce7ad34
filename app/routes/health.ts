import { getChainStatus } from '~/models/chain-status.server'

/** Liveness and sync status as JSON, for operators and for the test harness. */
export function loader() {
  const status = getChainStatus()
  const ok = status.rpc === 'ok' && status.halted === null
  return Response.json(
    {
      app: 'ok',
      chainId: status.chainId,
      rpc: status.rpc,
      chainHead: status.chainHead,
      indexerHead: status.indexedBlock,
      lag: status.lag,
      halted: status.halted,
    },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
