import type { DepartmentName } from '#config/departments'

// A governing body as the pages name it: the Openmesh DAO or a department (see bodies.server.ts).

export type GoverningBody = {
  /** Its URL segment: `openmesh`, `dispute`, `coremember`, `expert`. */
  slug: string
  name: string
  department: DepartmentName | null
  /** The department's tag (bytes32), whose holders vote. */
  tag: string | null
  /** The Aragon DAO and its voting plugin (lowercase), when deployed on this chain. */
  dao: string | null
  plugin: string | null
  /** The `dao` of its trustless actions: the Openmesh DAO, or the department's smart account. */
  account: string
}

/** The body a URL segment names; a 0x address not among them is an unnamed DAO. */
export function bodyOfSlug(bodies: GoverningBody[], slug: string | undefined): GoverningBody | null {
  return bodies.find((b) => b.slug === slug) ?? null
}

export const bodyOfPlugin = (bodies: GoverningBody[], plugin: string) => bodies.find((b) => b.plugin === plugin.toLowerCase()) ?? null
export const bodyOfAccount = (bodies: GoverningBody[], account: string) => bodies.find((b) => b.account === account.toLowerCase()) ?? null

const addressPattern = /^0x[0-9a-fA-F]{40}$/

/**
 * What a URL's body segment names: a body by its slug, or any DAO by its 0x address (actions of a
 * DAO that is none of Openmesh's are indexed too). Null for anything else: a 404.
 */
export function resolveBodySegment(bodies: GoverningBody[], segment: string | undefined): { body: GoverningBody | null; address: string } | null {
  const body = bodyOfSlug(bodies, segment)
  if (body) return { body, address: body.account }
  if (segment && addressPattern.test(segment)) {
    const address = segment.toLowerCase()
    return { body: bodies.find((b) => b.account === address || b.plugin === address) ?? null, address }
  }
  return null
}

/** A proposal's page: under its body's slug, or its plugin's address. */
export function proposalPath(bodies: GoverningBody[], plugin: string, proposalId: string): string {
  return `/dao/proposals/${bodyOfPlugin(bodies, plugin)?.slug ?? plugin.toLowerCase()}/${proposalId}`
}

/** A trustless action's page: under its DAO's slug (or address), its kind and id. */
export function actionPath(bodies: GoverningBody[], dao: string, kind: 'optimistic' | 'pessimistic', actionId: number): string {
  return `/dao/actions/${bodyOfAccount(bodies, dao)?.slug ?? dao.toLowerCase()}/${kind}/${actionId}`
}

/** The name a page gives a DAO: its body's, or its address. */
export const bodyName = (bodies: GoverningBody[], account: string) => bodyOfAccount(bodies, account)?.name ?? null
