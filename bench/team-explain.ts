// EXPLAIN ANALYZE of the statements desks send on their own, every tick (bench/team.ts): each exactly as last sent
// in the run, on the filled database, inside a transaction rolled back so the UPDATEs change nothing. Says what
// each one reads: a sequential scan of a table that grows with the team's lookups would be paid on every tick.
import type { TeamDatabase } from '../src/core/team/ports'
import type { StatementKind } from './team-sql-counter'

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  'Rows Removed by Filter'?: number
  Plans?: PlanNode[]
}

export interface Explained {
  name: string
  ms: number
  /** Each scan: its kind, table (index) and the rows it read. */
  plan: string
}

function scans(node: PlanNode, out: string[]): string[] {
  if (node['Relation Name']) {
    const read = ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1)
    out.push(`${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` (${node['Index Name']})` : ''}: ${read.toLocaleString()} rows read`)
  }
  for (const child of node.Plans ?? []) scans(child, out)
  return out
}

class RolledBack extends Error {}

export async function explainStatements(db: TeamDatabase, samples: ReadonlyMap<string, { kind: StatementKind; params: readonly unknown[] }>): Promise<Explained[]> {
  const out: Explained[] = []
  for (const [text, { kind, params }] of samples) {
    let result: Explained | null = null
    await db
      .transaction(async (tx) => {
        const { rows } = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params)
        const top = rows[0]?.['QUERY PLAN'][0]
        if (top) result = { name: `${kind} (${text.replace(/\s+/g, ' ').slice(0, 60)}…)`, ms: top['Execution Time'], plan: scans(top.Plan, []).join('; ') }
        throw new RolledBack()
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e
      })
    if (result) out.push(result)
  }
  return out
}
