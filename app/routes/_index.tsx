import { Link } from '@remix-run/react'

export default function Index() {
  return (
    <>
      <h1>Openmesh Portal</h1>
      <p className="muted">One wallet session for everything you do in the Openmesh community.</p>
      <div className="grid">
        <section className="card">
          <h2>Learn</h2>
          <p>Opencircle courses take you from the basics to contributing and governing.</p>
          <Link to="/courses">Browse courses</Link>
        </section>
        <section className="card">
          <h2>Contribute</h2>
          <p>OpenR&amp;D tasks are escrowed on chain: apply, deliver, get reviewed and paid.</p>
          <Link to="/tasks">Browse tasks</Link>
        </section>
        <section className="card">
          <h2>Govern</h2>
          <p>Verified contributors vote on proposals and object to optimistic actions.</p>
          <Link to="/dao">See the DAO</Link>
        </section>
      </div>
    </>
  )
}
