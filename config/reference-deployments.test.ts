import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { committedDeploymentPath, readDeploymentFile, type Deployment } from './deployment'
import { deploymentFromReference, readReferenceDeployments, referenceChainIds } from './reference-deployments'

// contracts-abi/deployments/<chainId>.json are the reference deployments (the vendored copy of
// ../shared/reference-abi/deployments.json, kept byte-identical by contracts/abi-compat.test.ts):
// every address of the chain, each where the portal reads it or under `others`.

const reference = readReferenceDeployments()

function addressesOf(deployment: Deployment): string[] {
  return [
    ...Object.values(deployment.contracts).map((c) => c!.address),
    ...deployment.departments.flatMap((d) => [d.smartAccount, d.dao, d.tagVoting].flatMap((c) => (c ? [c.address] : []))),
    ...Object.values(deployment.others),
  ]
}

describe.each(referenceChainIds)('contracts-abi/deployments/%i.json', (chainId) => {
  const committed = readDeploymentFile(committedDeploymentPath(chainId))

  it('is what the reference deployments give (npm run deployments:sync writes it)', () => {
    expect(committed, `${committedDeploymentPath(chainId)} is missing`).toBeDefined()
    expect(committed).toEqual(deploymentFromReference(reference, chainId))
  })

  it('lists every address of the chain once, and no other', () => {
    const expected = reference.chains[String(chainId)]!.contracts.map((c) => c.address).sort()
    expect(addressesOf(committed!).sort()).toEqual(expected)
  })

  it('leaves start blocks unknown, as the reference records none, so the indexer finds them', () => {
    expect(Object.values(committed!.contracts).every((c) => c!.startBlock === null)).toBe(true)
  })
})

it('names the portal’s contracts where they are deployed: OpenR&D everywhere, the DAOs on 137 and 421614', () => {
  const polygon = deploymentFromReference(reference, 137)
  expect(polygon.contracts).toMatchObject({
    tasks: { address: '0xDdb23dacd41908C4eAE03982B1c6529252A56b62' },
    dao: { address: '0x053a28A9Ffd76253379759df5e5b41466cD13804' },
    tokenVoting: { address: '0x0dD6602A3B5e717290af3e21B6Ea9645802fd828' },
    optimisticActions: { address: '0x67B5EA16b23ceB6c5A2D2a7142B6bD5127a971E1' },
  })
  expect(polygon.departments.map((d) => [d.name, d.smartAccount.address, d.dao?.address, d.tagVoting?.address])).toEqual([
    ['DISPUTE', '0x7aC61b993B4aa460EDf7BC4266Ed4BBCa20bF2Db', '0x821918F1e999DdE5CDF21f01Db7A8aC653870CDF', '0x6b1FA2E156F323308311CE75781212A85f80E682'],
    ['COREMEMBER', '0x53773D0D0d71fc36cf403D886bc2eb3AC7F5fC24', '0x36e72B6dB7b951C6C9B5A64c6dF04d91719ffd6A', '0x69750d3844d5494b723cd307867D7e28c6ABED7C'],
    ['EXPERT', '0x5aC5C9eF579f70D307121a2Cf34Bf16807158A0e', '0x592206A227Da7c8DBFA553b97B1f1f6E2E190C37', '0xa81238C6d6a8C7aA7Ed0f7A85889279ba47c9828'],
  ])
  const ethereum = deploymentFromReference(reference, 1)
  expect(ethereum.contracts.dao).toBeUndefined()
  expect(ethereum.departments.map((d) => [d.name, d.dao])).toEqual([['DISPUTE', undefined], ['COREMEMBER', undefined], ['EXPERT', undefined]])
  expect(fs.existsSync(committedDeploymentPath(31337))).toBe(false)
})
