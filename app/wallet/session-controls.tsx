// Placeholder for the header's wallet controls (connect, sign in, network warning).
export function SessionControls({ address }: { address: string | null }) {
  return <span className="session-controls">{address ? address : 'Not signed in'}</span>
}
