// libp2p 2's queues (it-queue, through mortice) call Promise.withResolvers, which Node has only
// from 22 on; the portal supports Node 20.19 (package.json engines). This is the standard method
// (ES2024), added only where it is missing, before any libp2p code runs.

type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void }

const PromiseConstructor = Promise as unknown as { withResolvers?: WithResolvers }

if (typeof PromiseConstructor.withResolvers !== 'function') {
  PromiseConstructor.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void
    let reject!: (reason?: unknown) => void
    const promise = new Promise<T>((res, rej) => {
      resolve = res
      reject = rej
    })
    return { promise, resolve, reject }
  }
}
