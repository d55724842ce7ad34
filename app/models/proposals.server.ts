import { and, asc, desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client'
import { daoProposals, daoVotes, daoVotingSettings } from '#db/schema'
import { describeAction, type ActionView, type KnownContracts } from '~/dao/decode-action.server'
import { documentOf, linksField, loadDocuments, textField, type DocumentLink, type DocumentState } from './documents.server'
import { proposalOutcome, proposalStates, type ProposalOutcome, type ProposalState, type SettingsFacts } from '~/dao/proposal-state'

// Proposals of every voting plugin (the Openmesh DAO's TokenVoting, each department's TagVoting),
// read from the indexer's projections, where a proposal is keyed by (plugin, id). The state shown
// (active / passed / failed / executed) is derived here, at chain time `now`, by its plugin's rules.

export type VotingSettings = {
  votingMode: number
  supportThreshold: number
  minParticipation: number
  minDuration: number
  minProposerVotingPower: string
}

export function getVotingSettings(db: Db, chainId: number, plugin: string): VotingSettings | null {
  const row = db
    .select()
    .from(daoVotingSettings)
    .where(and(eq(daoVotingSettings.chainId, chainId), eq(daoVotingSettings.plugin, plugin.toLowerCase())))
    .get()
  return row ? settingsOf(row) : null
}

function settingsOf(row: typeof daoVotingSettings.$inferSelect): VotingSettings {
  return {
    votingMode: row.votingMode,
    supportThreshold: row.supportThreshold,
    minParticipation: row.minParticipation,
    minDuration: row.minDuration,
    minProposerVotingPower: row.minProposerVotingPower,
  }
}

type Outcome = Omit<ProposalOutcome, 'minVotingPower' | 'totalVotingPower' | 'cast'> & {
  minVotingPower: string | null
  totalVotingPower: string | null
  cast: string
}

export type ProposalSummary = {
  /** The voting plugin that numbers it. */
  plugin: string
  proposalId: string
  title: string | null
  metadataState: DocumentState
  creator: string
  startDate: number
  endDate: number
  yes: string
  no: string
  abstain: string
  voterCount: number
  executedAt: number | null
  outcome: Outcome
}

function serializeOutcome(outcome: ProposalOutcome): Outcome {
  return {
    ...outcome,
    minVotingPower: outcome.minVotingPower?.toString() ?? null,
    totalVotingPower: outcome.totalVotingPower?.toString() ?? null,
    cast: outcome.cast.toString(),
  }
}

type ProposalRow = typeof daoProposals.$inferSelect

function outcomeOf(row: ProposalRow, settings: SettingsFacts | null, now: number): Outcome {
  return serializeOutcome(
    proposalOutcome(
      {
        executed: row.state === 'executed',
        startDate: row.startDate,
        endDate: row.endDate,
        yes: row.yes,
        no: row.no,
        abstain: row.abstain,
        supportThreshold: row.supportThreshold,
        minVotingPower: row.minVotingPower,
        totalVotingPower: row.totalVotingPower,
      },
      settings,
      now,
    ),
  )
}

/** Every proposal of every plugin (or of `plugin` only), newest first, with its state at `now`. */
export function listProposals(db: Db, { chainId, now, plugin }: { chainId: number; now: number; plugin?: string }): ProposalSummary[] {
  const { settings, rows } = readProposalRows(db, chainId, plugin)
  const documents = loadDocuments(db, chainId, rows.map((row) => row.metadataUri))
  return rows.map((row) => summarizeProposal(row, documentOf(documents, row.metadataUri), settings.get(row.plugin) ?? null, now))
}

export type ProposalPage = {
  /** Proposals in each state, over all of them (the tabs' counts). */
  counts: Record<ProposalState, number>
  total: number
  /** The page of `pageSize`, newest first, in `state` when given. */
  items: ProposalSummary[]
  page: number
  pageCount: number
}

/**
 * One page of proposals for a list. A state is derived per proposal at chain time, so every row's
 * vote figures are read (no documents: a few columns each) to count the tabs; only the page's
 * proposals load their IPFS documents and are summarized, so the work done for the page and the
 * HTML sent stay the same however many proposals there are.
 */
export function getProposalPage(
  db: Db,
  { chainId, now, plugin, state, page, pageSize = PROPOSALS_PAGE_SIZE }: { chainId: number; now: number; plugin?: string; state: ProposalState | null; page: number; pageSize?: number },
): ProposalPage {
  const { settings, rows } = readProposalRows(db, chainId, plugin)
  const counts = Object.fromEntries(proposalStates.map((s) => [s, 0])) as Record<ProposalState, number>
  const outcomes = rows.map((row) => {
    const outcome = outcomeOf(row, settings.get(row.plugin) ?? null, now)
    counts[outcome.state]++
    return outcome
  })
  const shown = state === null ? rows.map((_, i) => i) : rows.flatMap((_, i) => (outcomes[i]!.state === state ? [i] : []))
  const pageCount = Math.max(1, Math.ceil(shown.length / pageSize))
  const slice = shown.slice((page - 1) * pageSize, page * pageSize)
  const documents = loadDocuments(db, chainId, slice.map((i) => rows[i]!.metadataUri))
  return {
    counts,
    total: rows.length,
    page,
    pageCount,
    items: slice.map((i) => summarizeProposal(rows[i]!, documentOf(documents, rows[i]!.metadataUri), settings.get(rows[i]!.plugin) ?? null, now)),
  }
}

const PROPOSALS_PAGE_SIZE = 20

/** Every proposal row (of one plugin, when given), newest first, and the voting settings by plugin. */
function readProposalRows(db: Db, chainId: number, plugin: string | undefined) {
  const settings = new Map(
    db.select().from(daoVotingSettings).where(eq(daoVotingSettings.chainId, chainId)).all().map((row) => [row.plugin, settingsOf(row)]),
  )
  const rows = db
    .select()
    .from(daoProposals)
    .where(plugin === undefined ? eq(daoProposals.chainId, chainId) : and(eq(daoProposals.chainId, chainId), eq(daoProposals.plugin, plugin.toLowerCase())))
    .orderBy(desc(daoProposals.createdBlock), desc(daoProposals.plugin), desc(daoProposals.proposalNumber))
    .all()
  return { settings, rows }
}

/** The fields the list and the detail page share, derived one way so they never disagree. */
function summarizeProposal(
  row: ProposalRow,
  doc: ReturnType<typeof documentOf>,
  settings: VotingSettings | null,
  now: number,
): ProposalSummary {
  return {
    plugin: row.plugin,
    proposalId: row.proposalId,
    title: textField(doc, 'title', 200)?.trim() || row.title,
    metadataState: doc.state,
    creator: row.creator,
    startDate: row.startDate,
    endDate: row.endDate,
    yes: row.yes,
    no: row.no,
    abstain: row.abstain,
    voterCount: row.voterCount,
    executedAt: row.executedAt,
    outcome: outcomeOf(row, settings, now),
  }
}

export type ProposalVote = {
  voter: string
  option: 'none' | 'abstain' | 'yes' | 'no'
  votingPower: string
  votedAt: number
  transactionHash: string
}

export type ProposalDetail = ProposalSummary & {
  metadataUri: string
  metadataError: string | null
  summary: string | null
  description: string | null
  resources: DocumentLink[]
  snapshotBlock: number | null
  /**
   * The parameters fixed at creation (snapshot, threshold, minimum participation) could not be
   * read by the indexer (a node without the old state): the outcome uses the current settings.
   */
  parametersUnread: boolean
  createdAt: number
  createdBlock: number
  transactionHash: string
  actions: ActionView[]
  allowFailureMap: string
  votes: ProposalVote[]
  executedBlock: number | null
  executionTransactionHash: string | null
  settings: VotingSettings | null
}

export function getProposal(
  db: Db,
  { chainId, plugin, proposalId, now, known }: { chainId: number; plugin: string; proposalId: string; now: number; known: KnownContracts },
): ProposalDetail | null {
  const key = [eq(daoProposals.chainId, chainId), eq(daoProposals.plugin, plugin.toLowerCase()), eq(daoProposals.proposalId, proposalId)]
  const row = db.select().from(daoProposals).where(and(...key)).get()
  if (!row) return null
  const settings = getVotingSettings(db, chainId, row.plugin)
  const doc = documentOf(loadDocuments(db, chainId, [row.metadataUri]), row.metadataUri)
  const votes = db
    .select()
    .from(daoVotes)
    .where(and(eq(daoVotes.chainId, chainId), eq(daoVotes.plugin, row.plugin), eq(daoVotes.proposalId, proposalId)))
    .orderBy(asc(daoVotes.votedBlock), asc(daoVotes.voter))
    .all()
  return {
    ...summarizeProposal(row, doc, settings, now),
    metadataError: doc.error,
    metadataUri: row.metadataUri,
    summary: textField(doc, 'summary') ?? null,
    description: textField(doc, 'description') ?? null,
    resources: linksField(doc, 'resources'),
    executedBlock: row.executedBlock,
    executionTransactionHash: row.executionTransactionHash,
    snapshotBlock: row.snapshotBlock,
    // The indexer stores all of them from one read, or none: the snapshot stands for the rest.
    parametersUnread: row.snapshotBlock === null,
    createdAt: row.createdAt,
    createdBlock: row.createdBlock,
    transactionHash: row.transactionHash,
    actions: (Array.isArray(row.actions) ? row.actions : []).map((action) => describeAction(action, known)),
    allowFailureMap: row.allowFailureMap,
    votes: votes.map((vote) => ({
      voter: vote.voter,
      option: vote.optionName,
      votingPower: vote.votingPower,
      votedAt: vote.votedAt,
      transactionHash: vote.transactionHash,
    })),
    settings,
  }
}
