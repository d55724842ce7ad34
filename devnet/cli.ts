import { ConfigError, loadDotEnvFile, loadEnv } from '#config/env'
import { DevnetError, ensureDevnet } from './ensure-devnet'

// `npm run devnet`: only the chain — anvil with the portal deployed and seeded — for working
// on contracts or the indexer without the web server. Ctrl-C stops it and keeps its state.

async function main() {
  loadDotEnvFile()
  const env = loadEnv()
  const { anvil, deployment } = await ensureDevnet(env, (line) => console.log(line))
  console.log(`devnet: anvil at ${anvil.rpcUrl}`)
  for (const [name, contract] of Object.entries(deployment.contracts)) {
    if (contract) console.log(`  ${name.padEnd(20)} ${contract.address}`)
  }
  const stop = async () => {
    await anvil.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DevnetError
  console.error(known ? (error as Error).message : `devnet failed: ${(error as Error).message}`)
  process.exit(1)
})
