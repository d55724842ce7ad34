import { describe, expect, it } from 'vitest'
import { formatTable, LIGHT_BUDGET, measureRouteBundles } from './bundle-size'
import { ensureRemixBuild } from './remix-build'

// `npm test` fails when a page's first visit loads more JavaScript than its budget
// (`npm run bench:bundle` prints the same table, and what the heaviest code is with --detail).

describe('JavaScript budget of each page’s first visit', () => {
  const bundles = measureRouteBundles(ensureRemixBuild())
  console.log(formatTable(bundles))

  it('measures every page, and the light ones against the light budget', () => {
    const paths = bundles.map((bundle) => bundle.path)
    expect(paths).toEqual(expect.arrayContaining(['/', '/tasks', '/courses', '/courses/:course/:lesson', '/tasks/:chainId/:taskId', '/dao']))
    expect(paths).not.toContain('/auth/nonce') // resource routes load no page
    for (const path of ['/', '/tasks', '/courses', '/courses/:course', '/courses/:course/:lesson']) {
      expect(bundles.find((bundle) => bundle.path === path)?.budgetBytes, path).toBe(LIGHT_BUDGET)
    }
  })

  it.each(bundles.map((bundle) => [bundle.path, bundle] as const))('%s is within its budget', (_path, bundle) => {
    expect(bundle.gzipBytes, `${bundle.path}: ${(bundle.gzipBytes / 1000).toFixed(1)} kB gz, budget ${bundle.budgetBytes / 1000} kB`).toBeLessThanOrEqual(bundle.budgetBytes)
  })
})
