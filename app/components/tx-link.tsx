/** A transaction hash, shortened, with the full hash on hover. */
export function TxLink({ hash }: { hash: string }) {
  return (
    <code className="tx-hash" title={hash}>
      {hash.slice(0, 10)}…{hash.slice(-6)}
    </code>
  )
}
