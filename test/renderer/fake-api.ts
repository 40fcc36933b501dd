import type { RowOutcome } from '../../src/shared/domain/batch-outcomes'
import type { AppSettings, BatchViewRow, EventChannel, EventMap, InvokeChannel, RendererApi, Snapshot } from '../../src/shared/ipc/contract'
import type { Result } from '../../src/shared/ipc/result'
import type { Job } from '../../src/shared/domain/job'
import { toLookupRow, type LookupRow } from '../../src/shared/domain/lookup-row'
import { tallyStatuses } from '../../src/shared/domain/status-tally'
import { encodeLookupTable } from '../../src/shared/domain/lookup-table'
import type { EngineState } from '../../src/shared/domain/engine'
import { COMPANY_FIELDS, type Company } from '../../src/shared/domain/company'

type Handler = (args: unknown) => unknown | Promise<unknown>

/** A window.api double: answers from handlers the test sets, records every call, emits events on demand. */
export class FakeApi implements RendererApi {
  readonly calls: { channel: InvokeChannel; args: unknown }[] = []
  private readonly handlers = new Map<string, Handler>()
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>()

  handle(channel: InvokeChannel, fn: Handler): this {
    this.handlers.set(channel, fn)
    return this
  }

  async invoke(channel: InvokeChannel, ...args: unknown[]): Promise<never> {
    this.calls.push({ channel, args: args[0] })
    const fn = this.handlers.get(channel)
    if (!fn) return { ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.internal' }, detail: `no handler for ${channel}` } } as never
    const value = await fn(args[0])
    if (value && typeof value === 'object' && 'ok' in value && (value as Result<unknown>).ok === false) return value as never
    return { ok: true, value } as never
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set()
    this.listeners.set(channel, set)
    set.add(listener as (p: unknown) => void)
    return () => set.delete(listener as (p: unknown) => void)
  }

  emit<E extends EventChannel>(channel: E, payload: EventMap[E]): void {
    for (const l of this.listeners.get(channel) ?? []) l(payload)
  }

  callsTo(channel: InvokeChannel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.args)
  }
}

export const runningEngine: EngineState = { status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending: 0, inFlight: 0 }

export function company(over: Partial<Company> = {}): Company {
  const c = Object.fromEntries(COMPANY_FIELDS.map((f) => [f, '-'])) as Company
  return {
    ...c,
    name: '成都成电光信科技股份有限公司',
    credit_no: '91510100MA61R6XQ3J',
    reg_no: '510109000123456',
    econ_kind: '股份有限公司(非上市、自然人投资或控股)',
    l1_domain_name: '制造业',
    ...over,
  }
}

/** A list row of a job() (what the snapshot carries, column by column). */
export function row(over: Partial<Job> = {}): LookupRow {
  return toLookupRow(job(over))
}

let seq = 0
/** One row of a batch view (BatchViewRow) with its outcome, everything else empty unless given. */
export function batchViewRow(row: number, outcome: RowOutcome, over: Partial<BatchViewRow> = {}): BatchViewRow {
  return { row, input: `输入${row}`, outcome, detail: null, match: null, nameMismatch: false, alert: false, jobId: null, status: null, company: null, ...over }
}

export function job(over: Partial<Job> = {}): Job {
  seq++
  const at = Date.UTC(2025, 2, 1, 2, 0, 0) + seq * 1000
  return {
    id: `job-${seq}`,
    keyword: `关键词${seq}`,
    normalized: `关键词${seq}`,
    kind: 'name',
    status: 'queued',
    batchId: null,
    jobid: null,
    createdAt: at,
    submittedAt: null,
    completedAt: null,
    expiresAt: null,
    polls: 0,
    nextPollAt: null,
    attempts: 0,
    error: null,
    result: null,
    forced: false,
    updatedAt: at,
    ...over,
  }
}

export const defaultSettings: AppSettings = {
  baseUrl: null,
  requestsPerSecond: 2,
  submitIntervalMs: 1000,
  freshnessDays: 30,
  dailyCap: null,
  monthlyCap: null,
  pricePerCall: null,
  language: 'zh-CN',
  theme: 'system',
  notifications: 'all',
  closeToTray: true,
  exportPlaceholder: '-',
  exportFormat: 'xlsx',
  teamDatabaseUrl: null,
  teamDesk: null,
}

/** What main answers to lookups:snapshot for these jobs, as the renderer receives it (through JSON). */
export function snapshot(jobs: Job[], over: Partial<Omit<Snapshot, 'table'>> = {}): Snapshot {
  const table = JSON.parse(JSON.stringify(encodeLookupTable(jobs))) as Snapshot['table']
  return { table, batches: [], engine: runningEngine, charges: { today: 0, month: 0, total: 0 }, complete: true, total: jobs.length, more: null, tally: null, ...over }
}

/**
 * lookups:snapshot and lookups:page answering `jobs()` (read when the snapshot is asked for) in pages of `size`, as
 * main does. Each page waits for `gate()` first, so a test can act between pages.
 */
export function pagedHandlers(jobs: () => Job[], size: number, over: () => Partial<Omit<Snapshot, 'table'>> = () => ({}), gate: () => Promise<void> = async () => {}) {
  const reads = new Map<string, { rows: Job[]; at: number }>()
  let seqRead = 0
  const page = (rows: Job[]) => JSON.parse(JSON.stringify(encodeLookupTable(rows))) as Snapshot['table']
  return {
    'lookups:snapshot': async () => {
      const rows = jobs()
      const cursor = rows.length > size ? `r${++seqRead}` : null
      if (cursor) reads.set(cursor, { rows, at: size })
      return { ...snapshot([], over()), table: page(rows.slice(0, size)), total: rows.length, more: cursor, tally: cursor ? tallyStatuses(rows) : null }
    },
    'lookups:page': async (args: unknown) => {
      await gate()
      const { cursor } = args as { cursor: string }
      const read = reads.get(cursor)
      if (!read) return { ok: false, error: { code: 'NOT_FOUND', text: { code: 'ipc.listReadExpired' } } }
      const rows = read.rows.slice(read.at, read.at + size)
      read.at += size
      const done = read.at >= read.rows.length
      if (done) reads.delete(cursor)
      return { table: page(rows), more: done ? null : cursor }
    },
    /** Forgets every open read, as main does with one left unused for two minutes. */
    expire: () => reads.clear(),
  }
}

/** A fake with the start-up channels answered. */
export function bootedApi(jobs: Job[] = [], extra: Partial<Record<InvokeChannel, Handler>> = {}): FakeApi {
  const api = new FakeApi()
    .handle('lookups:snapshot', () => snapshot(jobs))
    .handle('lookups:get', (args) => {
      const found = jobs.find((j) => j.id === (args as { id: string }).id)
      return found ?? { ok: false, error: { code: 'NOT_FOUND', text: { code: 'job.notFound', params: { what: (args as { id: string }).id } } } }
    })
    .handle('settings:get', () => ({ ...defaultSettings }))
    .handle('key:status', () => ({ set: true, masked: 'ab12••••••••cd34', storage: 'encrypted', encryptionAvailable: true, backend: 'test' }))
    .handle('app:info', () => ({ version: '0.1.0', dataDir: '/data', demo: false, platform: 'test' }))
  for (const [channel, fn] of Object.entries(extra)) api.handle(channel as InvokeChannel, fn as Handler)
  return api
}

/**
 * `team:test` answered with `report`: a failed connection is a report main answers with (ok: true), which the fake
 * would otherwise take, given ok: false, for a failed call.
 */
export function answeringTeamReport(api: FakeApi, report: unknown): FakeApi {
  const invoke = api.invoke.bind(api)
  api.invoke = (async (channel: Parameters<FakeApi['invoke']>[0], ...args: unknown[]) => {
    if (channel !== 'team:test') return invoke(channel, ...(args as []))
    api.calls.push({ channel, args: args[0] })
    return { ok: true, value: report }
  }) as FakeApi['invoke']
  return api
}

export function install(api: FakeApi): void {
  ;(globalThis as unknown as { api: RendererApi }).api = api
}
