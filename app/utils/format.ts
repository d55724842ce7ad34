import { formatEther } from 'viem'

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`
}

/** Wei as a decimal string → "1.5 ETH" without losing precision on the way. */
export function formatNative(wei: string | bigint): string {
  return `${formatEther(BigInt(wei))} ETH`
}

export function formatDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10)
}
