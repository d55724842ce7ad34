// What the task board's loader uses, through a server-only door. esbuild puts a module in a
// page's browser chunks when the page imports it at all, even for the loader alone (which the
// browser never runs), and with these modules comes viem and zod. Remix leaves *.server
// modules out of the browser build, so the board's first load stays light.
export { parseBoardFilter } from './board-filter'
export { formatTokenAmount, tokenInfo } from '~/utils/tokens'
