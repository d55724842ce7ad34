import { committedDeploymentPath, writeDeploymentFile } from '#config/deployment'
import { deploymentFromReference, readReferenceDeployments, referenceChainIds } from '#config/reference-deployments'

// `npm run deployments:sync`: writes contracts-abi/deployments/<chainId>.json from the vendored
// reference deployments (see config/reference-deployments.ts).

const reference = readReferenceDeployments()
for (const chainId of referenceChainIds) {
  const file = committedDeploymentPath(chainId)
  writeDeploymentFile(file, deploymentFromReference(reference, chainId))
  console.log(`wrote ${file}`)
}
