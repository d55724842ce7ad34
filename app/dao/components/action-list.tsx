import type { ActionView } from '~/dao/decode-action.server'
import { Person } from './person'
import { Segments } from './segments'

/** The calls a proposal or optimistic action makes, decoded where the target is ours. */
export function ActionList({ actions, names, chainId }: { actions: ActionView[]; names: Record<string, string>; chainId: number }) {
  if (actions.length === 0) return <p className="muted">No actions: this is a signalling proposal, executing it changes nothing on chain.</p>
  return (
    <ol className="dao-actions">
      {actions.map((action, index) => (
        <li key={index} className="dao-action">
          <p className="dao-action-summary">
            <Segments segments={action.summary} names={names} chainId={chainId} />
          </p>
          <dl className="dao-facts">
            <dt>Target</dt>
            <dd>
              <Person address={action.to} names={names} /> <code className="dao-hex">{action.to}</code>
            </dd>
            <dt>Value</dt>
            <dd>{action.valueLabel ?? '0 ETH'}</dd>
            {action.call ? (
              <>
                <dt>Function</dt>
                <dd>
                  <code>{action.call.functionName}</code>
                </dd>
                {action.call.args.map((arg) => (
                  <Arg key={arg.name} arg={arg} names={names} />
                ))}
              </>
            ) : action.data !== '0x' ? (
              <>
                <dt>Calldata</dt>
                <dd>
                  <code className="dao-hex">{action.data}</code>
                </dd>
              </>
            ) : null}
          </dl>
          {action.call ? (
            <details>
              <summary className="small">Raw calldata</summary>
              <code className="dao-hex">{action.data}</code>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

function Arg({ arg, names }: { arg: { name: string; type: string; value: string; address: boolean }; names: Record<string, string> }) {
  return (
    <>
      <dt>
        <code>{arg.name}</code> <span className="muted small">{arg.type}</span>
      </dt>
      <dd>{arg.address ? <Person address={arg.value} names={names} /> : <code className="dao-hex">{arg.value}</code>}</dd>
    </>
  )
}
