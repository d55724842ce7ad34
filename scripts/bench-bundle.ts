import { formatTable, KB, largestInputs, measureRouteBundles } from './bundle-size'
import { ensureRemixBuild } from './remix-build'

// `npm run bench:bundle`: the gzipped JavaScript each page's first visit loads, against its
// budget (scripts/bundle-size.ts). `-- --detail` also lists what the heaviest code is, per
// route over budget (or every route with `--detail=all`). Exits 1 when a route is over.

const detail = process.argv.find((arg) => arg.startsWith('--detail'))
const build = ensureRemixBuild()
const bundles = measureRouteBundles(build)
console.log(formatTable(bundles))

const over = bundles.filter((bundle) => bundle.gzipBytes > bundle.budgetBytes)
if (detail) {
  for (const bundle of detail === '--detail=all' ? bundles : over) {
    console.log(`\n${bundle.path} (${(bundle.gzipBytes / KB).toFixed(1)} kB gz), largest inputs before gzip:`)
    for (const { input, bytes } of largestInputs(build, bundle)) console.log(`  ${(bytes / KB).toFixed(1).padStart(7)} kB  ${input}`)
  }
}
if (over.length) {
  console.error(`\n${over.length} route(s) over budget: ${over.map((bundle) => bundle.path).join(', ')}`)
  process.exit(1)
}
