// The devnet's RFPs (requests for proposals): funded calls for projects, each accepted project
// becoming a task. People are devnetAccounts indexes.

export type ProjectSpec = {
  representative: number
  title: string
  tags: string[]
  /** Markdown; written as rich text. */
  description: string
  projectSize: number
  teamSize: number
  deadlineDays: number
  /** What the project asks for, in ETH and OPEN. */
  eth: string
  open: string
  /** accepted: the RFP's manager accepts it, its escrow creates the task; taken: and the representative takes it. */
  outcome: 'submitted' | 'accepted' | 'taken'
}

export type RfpSpec = {
  title: string
  tags: string[]
  maxProjectFunding: string
  maxAwardedProjects: number
  /** Markdown; written as rich text. */
  description: string
  projectRequirements: string
  links: { name: string; url: string }[]
  creator: number
  /** The RFP's manager, who accepts projects; it also manages the tasks they become. */
  manager: number
  deadlineDays: number
  eth: string
  open: string
  usdc: string
  projects: ProjectSpec[]
  /** emptied: the manager returns what is left to the creator. */
  outcome: 'open' | 'emptied'
}

export const rfpSpecs: RfpSpec[] = [
  {
    title: 'Indexers for more chains',
    tags: ['indexer', 'chains'],
    maxProjectFunding: '2',
    maxAwardedProjects: 3,
    description: 'The portal indexes Ethereum and Polygon. We fund teams that add **one more chain** each, end to end.',
    projectRequirements: '- Backfill and realtime sync\n- Reorg handling with tests\n- A deployment guide',
    links: [{ name: 'Indexer README', url: 'https://github.com/Openmesh-Network/openmesh-portal/tree/main/indexer' }],
    creator: 0,
    manager: 0,
    deadlineDays: 30,
    eth: '4',
    open: '20000',
    usdc: '0',
    projects: [
      {
        representative: 5,
        title: 'Arbitrum One support for the indexer',
        tags: ['indexer', 'arbitrum'],
        description: 'Backfill and realtime sync for Arbitrum One, with its fast blocks and L1 finality.',
        projectSize: 120,
        teamSize: 2,
        deadlineDays: 45,
        eth: '1.5',
        open: '5000',
        outcome: 'taken',
      },
      {
        representative: 8,
        title: 'Base support for the indexer',
        tags: ['indexer', 'base'],
        description: 'Base mainnet: sync, reorgs and a public RPC fallback list.',
        projectSize: 100,
        teamSize: 1,
        deadlineDays: 40,
        eth: '1.2',
        open: '4000',
        outcome: 'submitted',
      },
      {
        representative: 9,
        title: 'Gnosis Chain support for the indexer',
        tags: ['indexer', 'gnosis'],
        description: 'Gnosis Chain with its xDAI native currency.',
        projectSize: 90,
        teamSize: 1,
        deadlineDays: 40,
        eth: '1',
        open: '3000',
        outcome: 'submitted',
      },
    ],
    outcome: 'open',
  },
  {
    title: 'Course translations',
    tags: ['courses', 'translation'],
    maxProjectFunding: '0.5',
    maxAwardedProjects: 4,
    description: 'Opencircle courses in more languages, one language per project.',
    projectRequirements: 'Native speakers; every lesson and quiz translated; a glossary.',
    links: [],
    creator: 3,
    manager: 3,
    deadlineDays: 20,
    eth: '1',
    open: '4000',
    usdc: '0',
    projects: [
      {
        representative: 6,
        title: 'Spanish translation of the OpenR&D course',
        tags: ['translation', 'spanish'],
        description: 'All lessons and quizzes of the OpenR&D course in Spanish.',
        projectSize: 30,
        teamSize: 1,
        deadlineDays: 25,
        eth: '0.4',
        open: '1000',
        outcome: 'accepted',
      },
    ],
    outcome: 'open',
  },
  {
    title: 'Hackathon prizes',
    tags: ['community', 'hackathon'],
    maxProjectFunding: '1',
    maxAwardedProjects: 2,
    description: 'Prizes for the best portal extensions built at the hackathon. The hackathon is over: what was not awarded went back.',
    projectRequirements: 'A working demo and the code under an open licence.',
    links: [{ name: 'Hackathon', url: 'https://ethglobal.com' }],
    creator: 4,
    manager: 4,
    deadlineDays: 7,
    eth: '2',
    open: '0',
    usdc: '1000',
    projects: [],
    outcome: 'emptied',
  },
]
