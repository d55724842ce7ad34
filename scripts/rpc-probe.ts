export type RpcProbe = { ok: true; chainId: number } | { ok: false; reason: string }

/** Asks an RPC endpoint for its chain id, with a short timeout, and says why it failed. */
export async function probeRpc(rpcUrl: string, timeoutMs = 5_000): Promise<RpcProbe> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` }
    const body = (await res.json()) as { result?: string; error?: { message?: string } }
    if (typeof body.result !== 'string') return { ok: false, reason: body.error?.message ?? 'no chain id in the answer' }
    return { ok: true, chainId: Number(BigInt(body.result)) }
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } }
    if (err.name === 'TimeoutError') return { ok: false, reason: `no answer within ${timeoutMs / 1000}s` }
    return { ok: false, reason: err.cause?.code ?? err.message }
  }
}
