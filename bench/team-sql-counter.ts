// Counts and times every statement the desks send to PostgreSQL (bench/team.ts), by what it is for. It wraps the
// `pg` driver's Client.query, which the pool and the transactions of src/core/team/postgres.ts both go through, so
// the desks run unchanged: the round trips counted are the ones a real desk makes, BEGIN and COMMIT included.
import { performance } from 'node:perf_hooks'
import pg from 'pg'

export type StatementKind =
  | 'claim (charged)'
  | 'claim (existing lookup)'
  | 'claim read before the lock'
  | 'outcome write'
  | 'result write'
  | 'lease renewal'
  | 'lease takeover'
  | 'abandoned-claims update'
  | 'change read'
  | 'lookups re-read'
  | 'usage read'
  | 'desk registration'
  | 'migrations, other'

/** Statements outside a transaction, by their text (the SQL of src/core/team/*.ts). */
const LONE: [RegExp, StatementKind][] = [
  [/FROM microent\.company_identifier ci/, 'claim read before the lock'],
  [/SET lease_until = \$2 WHERE lease_desk = \$1/, 'lease renewal'],
  [/SET lease_desk = \$1, lease_until = \$3/, 'lease takeover'],
  [/CLAIM_ABANDONED/, 'abandoned-claims update'],
  [/change_xid >= \$1/, 'change read'],
  [/WHERE l\.id = ANY/, 'lookups re-read'],
  [/count\(\*\) FILTER|SELECT daily_cap, monthly_cap, price_per_call_fen/, 'usage read'],
  [/INSERT INTO microent\.desk/, 'desk registration'],
]

/** A transaction, by its first statement after BEGIN. */
function transactionKind(first: string, statements: string[]): StatementKind {
  if (/SELECT daily_cap, monthly_cap, chain_head/.test(first)) {
    return statements.some((s) => /INSERT INTO microent\.charge_event/.test(s)) ? 'claim (charged)' : 'claim (existing lookup)'
  }
  if (/SELECT chain_head FROM microent\.team/.test(first)) return 'outcome write'
  if (/SELECT status FROM microent\.lookup WHERE id = \$1 FOR UPDATE/.test(first)) return 'result write'
  return 'migrations, other'
}

export interface KindFigures {
  /** Round trips: statements sent, BEGIN and COMMIT included. */
  statements: number
  /** Transactions (or lone statements) of this kind. */
  units: number
  /** Rows the statements returned or changed (a lease taken over, a claim settled as abandoned). */
  rows: number
  /** Each unit's time, BEGIN sent to COMMIT answered (a lone statement: sent to answered), ms, in the order they ended. */
  ms: number[]
}

interface OpenTransaction {
  start: number
  statements: string[]
  /** The first statement's time: for claims and outcome writes, the wait for the team row's lock (FOR UPDATE). */
  firstMs: number
}

export class SqlCounter {
  readonly kinds = new Map<StatementKind, KindFigures>()
  /** Per transaction of each kind, in the order they ended: its first statement's time and the rest of it, ms. */
  readonly split = new Map<StatementKind, { firstMs: number; restMs: number }[]>()
  /** The last parameters each lone statement was sent with, by its text: explained on the filled database at the end. */
  readonly samples = new Map<string, { kind: StatementKind; params: readonly unknown[] }>()
  private readonly open = new WeakMap<object, OpenTransaction>()
  private restore: (() => void) | null = null

  install(): void {
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
    const original = proto.query
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const counter = this
    proto.query = function (this: object, config: unknown, values?: unknown, callback?: unknown) {
      const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text
      if (typeof text !== 'string') return original.call(this, config, values, callback)
      if (typeof values === 'function') [values, callback] = [undefined, values]
      const done = counter.sent(this, text, Array.isArray(values) ? values : [])
      if (typeof callback === 'function') {
        const cb = callback as (e: unknown, r: unknown) => void
        return original.call(this, config, values, (e: unknown, r: unknown) => {
          done(r)
          cb(e, r)
        })
      }
      return (original.call(this, config, values) as Promise<unknown>).then(
        (r) => (done(r), r),
        (e: unknown) => {
          done()
          throw e
        },
      )
    }
    this.restore = () => void (proto.query = original)
  }

  uninstall(): void {
    this.restore?.()
    this.restore = null
  }

  reset(): void {
    this.kinds.clear()
  }

  private add(kind: StatementKind, statements: number, ms: number, rows = 0): void {
    const k = this.kinds.get(kind) ?? { statements: 0, units: 0, rows: 0, ms: [] }
    k.statements += statements
    k.rows += rows
    k.units++
    k.ms.push(ms)
    this.kinds.set(kind, k)
  }

  /** Notes a statement sent on `client`; returns what to call once it is answered. */
  private sent(client: object, text: string, params: readonly unknown[]): (result?: unknown) => void {
    const start = performance.now()
    const sql = text.trim()
    if (sql === 'BEGIN') {
      this.open.set(client, { start, statements: [], firstMs: 0 })
      return () => {}
    }
    const tx = this.open.get(client)
    if (tx && (sql === 'COMMIT' || sql === 'ROLLBACK')) {
      this.open.delete(client)
      return () => {
        const kind = transactionKind(tx.statements[0] ?? '', tx.statements)
        const ms = performance.now() - tx.start
        this.add(kind, tx.statements.length + 2, ms)
        const split = this.split.get(kind) ?? []
        split.push({ firstMs: tx.firstMs, restMs: ms - tx.firstMs })
        this.split.set(kind, split)
      }
    }
    if (tx) {
      tx.statements.push(sql)
      if (tx.statements.length === 1) return () => void (tx.firstMs = performance.now() - start)
      return () => {}
    }
    const kind = LONE.find(([re]) => re.test(sql))?.[1] ?? 'migrations, other'
    if (kind !== 'migrations, other' && kind !== 'desk registration') this.samples.set(sql, { kind, params })
    return (result) => this.add(kind, 1, performance.now() - start, (result as { rowCount?: number | null } | undefined)?.rowCount ?? 0)
  }
}

/** The p-th quantile (0..1) of `ms`, nearest rank. */
export function quantile(ms: readonly number[], p: number): number {
  if (ms.length === 0) return NaN
  const sorted = [...ms].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number
}
