// Who the devnet's contributors are, for application backgrounds. Indexes match devnetAccounts.
export const backgrounds: Record<number, string> = {
  0: 'Core contributor since the first Xnode release; I maintain the collectors and review most data PRs.',
  1: 'Frontend engineer, eight years of React. I built the first OpenR&D task board.',
  2: 'Backend and infrastructure. I run the realtime API and its monitoring.',
  3: 'Product designer turned developer; I care about onboarding and docs.',
  4: 'Community lead. I organise the calls and the hackathons.',
  5: 'Data engineer at a market-making firm, contributing in the evenings. Rust and Go.',
  6: 'Full-stack developer, recently finished the Opencircle OpenR&D course. Two merged PRs in the SDK.',
  7: 'Technical writer and designer; I wrote docs for two L2s.',
  8: 'DevOps engineer. Kubernetes, Nix, and too many dashboards.',
  9: 'Security researcher and Solidity developer; a few audit contests under my belt.',
}

export const submissionTexts = [
  'Done: everything in the deliverables list is in the linked PR. CI is green; I left notes on two trade-offs in the description.',
  'Here is the work. I tested it against last week’s recorded data and wrote down the numbers in the README.',
  'Submitted for review. One deliverable needed a small change of plan; the PR explains why.',
]

export const rejectionFeedback =
  'Thanks, this is close. Two things before I can accept: the tests do not cover the reconnect-after-resubscribe case, and the README still mentions the old config keys.'

export const acceptanceFeedback = [
  'Great work, merged. Thank you!',
  'Exactly what we needed. Paid out — looking forward to the next one.',
  'Reviewed and accepted. The write-up was especially useful.',
]

export const cancelReasons = {
  open: 'Superseded: the team decided to cover this in the upcoming docs restructure instead.',
  requested: 'Priorities changed after the infrastructure review; we are pausing this work for a quarter.',
  overdue: 'The deadline passed without a submission.',
}
