import type { LoaderFunctionArgs } from '@remix-run/node'
import { getIndexerStatus } from '#db/indexer-status'
import { getDb } from '~/db.server'
import { getChainId } from '~/env.server'

// GET /indexer-status?chainId=… — how far the indexer got, for read-your-writes: after a
// transaction is mined the page polls this until `indexedBlock` reaches the receipt's block,
// then reloads its data. One primary-key read; never cached.

export async function loader({ request }: LoaderFunctionArgs) {
  const param = new URL(request.url).searchParams.get('chainId')
  const chainId = param === null ? getChainId() : Number(param)
  const headers = { 'Cache-Control': 'no-store' }
  if (!Number.isSafeInteger(chainId) || chainId !== getChainId()) {
    return Response.json({ error: `This portal does not index chain ${param}.` }, { status: 404, headers })
  }
  const status = getIndexerStatus(getDb(), chainId)
  return Response.json(
    { chainId, indexedBlock: status?.indexedBlock ?? null, halted: status?.halted ?? null },
    { headers },
  )
}
