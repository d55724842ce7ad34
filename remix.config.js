// REMIX_BUILD_DIR builds somewhere else than build/ and public/build/ (the tests and
// `npm run bench:bundle` build their own copy, so they never race a running portal's build).
const buildDir = process.env.REMIX_BUILD_DIR

/**
 * Remix v2 with the classic (esbuild) compiler — see docs/decisions/001-remix-classic-compiler.md.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ...(buildDir
    ? { serverBuildPath: `${buildDir}/build/index.js`, assetsBuildDirectory: `${buildDir}/public/build`, cacheDirectory: `${buildDir}/cache` }
    : {}),
  // Tests, and the README.md that says what the folder holds, are no routes.
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/README.md'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // ESM-only packages the server bundle must include rather than require at runtime.
  serverDependenciesToBundle: [/^wagmi/, /^@wagmi\//],
  browserNodeBuiltinsPolyfill: { modules: { buffer: true, events: true } },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
