// The part of autocannon's programmatic API that scripts/bench-web uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p99: number; max: number }
  export type AutocannonResult = {
    requests: Histogram & { total: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    duration: number
  }
  export type AutocannonOptions = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    headers?: Record<string, string>
  }
  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>
}
