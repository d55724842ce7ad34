import { getTableColumns, getTableName } from 'drizzle-orm'
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from '#db/schema/chain'

// The projection tables and how their TypeScript rows map onto SQLite columns, for the hot path's
// hand-written prepared statements. Every column in db/schema/chain.ts has an explicit snake_case
// SQL name, so these statements and drizzle queries agree whatever casing the client uses.

const projectionTables = {
  tasks: schema.tasks,
  taskBudgets: schema.taskBudgets,
  tokens: schema.tokens,
  taskApplications: schema.taskApplications,
  taskSubmissions: schema.taskSubmissions,
  taskCancelRequests: schema.taskCancelRequests,
  taskPayouts: schema.taskPayouts,
  taskEvents: schema.taskEvents,
  daoMembers: schema.daoMembers,
  ovcTokens: schema.ovcTokens,
  ovcTags: schema.ovcTags,
  ovcDefaultTokens: schema.ovcDefaultTokens,
  daoDelegations: schema.daoDelegations,
  daoVotingPower: schema.daoVotingPower,
  daoVotingSettings: schema.daoVotingSettings,
  daoProposals: schema.daoProposals,
  daoVotes: schema.daoVotes,
  trustlessActions: schema.trustlessActions,
  trustlessActionRejections: schema.trustlessActionRejections,
  trustlessPermissions: schema.trustlessPermissions,
  trustlessDaoSettings: schema.trustlessDaoSettings,
  rfps: schema.rfps,
  rfpProjects: schema.rfpProjects,
  taskDisputes: schema.taskDisputes,
  taskDrafts: schema.taskDrafts,
  activity: schema.activity,
} as const

export type ProjectionName = keyof typeof projectionTables
export type ProjectionRow<N extends ProjectionName> = (typeof projectionTables)[N]['$inferSelect']

type ColumnKind = 'plain' | 'json' | 'bool'
type ColumnSpec = { key: string; sqlName: string; kind: ColumnKind }
export type TableSpec = { name: string; sqlName: string; columns: ColumnSpec[]; primaryKey: string[] }

function describeTable(name: string, table: SQLiteTable): TableSpec {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const kind: ColumnKind =
      column.columnType === 'SQLiteTextJson' ? 'json' : column.columnType === 'SQLiteBoolean' ? 'bool' : 'plain'
    return { key, sqlName: column.name, kind }
  })
  const bySqlName = new Map(columns.map((c) => [c.sqlName, c.key]))
  const config = getTableConfig(table)
  const pkColumns = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary)
  const primaryKey = pkColumns.map((c) => bySqlName.get(c.name)!)
  return { name, sqlName: getTableName(table), columns, primaryKey }
}

export const projectionSpecs: ReadonlyMap<ProjectionName, TableSpec> = new Map(
  (Object.entries(projectionTables) as [ProjectionName, SQLiteTable][]).map(([name, table]) => [name, describeTable(name, table)]),
)
