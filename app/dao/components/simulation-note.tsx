import type { Simulation } from '../simulation'

/** What simulating the calls from the DAO's address said, before anyone signs an execute. */
export function SimulationNote({ simulation, count }: { simulation: Simulation; count: number }) {
  if (count === 0) return null
  return (
    <p data-testid="simulation" data-ok={String(simulation.ok)} className={simulation.ok === false ? 'tx-error' : 'small'}>
      {simulation.ok === true
        ? `Simulated from the DAO’s address just now: ${count === 1 ? 'the call succeeds' : `all ${count} calls succeed`}.`
        : simulation.ok === false
          ? `Simulated from the DAO’s address: call ${simulation.index + 1} would fail — ${simulation.reason}.`
          : `Not simulated: ${simulation.reason}`}
      {count > 1 && simulation.ok !== null ? <span className="muted"> (each call is tried on today’s state, one by one)</span> : null}
    </p>
  )
}
