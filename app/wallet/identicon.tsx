/**
 * A 5×5 mirrored pattern drawn from the address's own hex digits (an address is already a hash,
 * so no hashing is needed): the same address always looks the same, on the server and in the page.
 */
export function Identicon({ address, size = 20 }: { address: string; size?: number }) {
  const hex = address.toLowerCase().replace(/^0x/, '').padEnd(40, '0')
  const digit = (i: number) => parseInt(hex[i % hex.length]!, 16)
  const hue = (parseInt(hex.slice(0, 3), 16) * 360) / 4096
  const cells: { x: number; y: number }[] = []
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if (digit(3 + y * 3 + x) % 2 === 0) continue
      cells.push({ x, y })
      if (x < 2) cells.push({ x: 4 - x, y })
    }
  }
  return (
    <svg className="identicon" width={size} height={size} viewBox="0 0 5 5" aria-hidden="true" shapeRendering="crispEdges">
      <rect width="5" height="5" fill={`hsl(${hue.toFixed(0)} 45% 18%)`} />
      {cells.map(({ x, y }) => (
        <rect key={`${x}-${y}`} x={x} y={y} width="1" height="1" fill={`hsl(${((hue + digit(20) * 8) % 360).toFixed(0)} 70% 62%)`} />
      ))}
    </svg>
  )
}
