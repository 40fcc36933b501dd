import type { BatchProgress, EngineState, TeamUsage } from '../domain/engine'
import type { CompanyHistory } from '../domain/change'
import type { Job, JobStatus } from '../domain/job'
import type { BatchSummary } from '../domain/lookup-row'
import type { LookupTable } from '../domain/lookup-table'
import type { StatusTally } from '../domain/status-tally'
import type { RecoveryReport } from '../domain/recovery-report'
import type { Result } from './result'
import type { KeywordInput, Plan } from './plan'
import type { MessageData } from '../messages/define'
import type { BatchView } from './batch-view'
import type { ChargeCounts, ChargedCall, ChargeExportRequest } from './charges'
import type { TeamCapsChange, TeamConnectionReport, TeamSettingsChange, TeamSettingsView, TeamTestRequest } from './team'
import type { KeyStorage } from './key-storage'

export type { BatchSummary, LookupRow } from '../domain/lookup-row'
export type { LookupTable } from '../domain/lookup-table'
export type { RecoveryReport, ReportedLookup } from '../domain/recovery-report'
export type { DuplicateOf, IdentityMatch, KeywordInput, Plan, PlanCost, PlanRow } from './plan'
export type { BatchView, BatchViewRow } from './batch-view'
export type { ChargeCounts, ChargedCall, ChargeExportRequest } from './charges'
export type { TeamCapsChange, TeamConnectionReport, TeamPasswordStatus, TeamSettingsChange, TeamSettingsView, TeamTestRequest } from './team'

/* ---------- payload types ---------- */

/** One finding of the data check: what is wrong, and what a repair (`microent doctor --repair`) does about it. */
export interface DataFinding {
  kind: 'damaged_file' | 'record' | 'charge_without_lookup' | 'lookup_without_charge'
  /** What was found and what a repair does about it: catalogue messages the window renders in its language. */
  text: MessageData
  repair: MessageData
}

export interface Snapshot {
  /**
   * Every lookup's list row, column by column (decodeLookupTable gives the LookupRow objects); not full jobs: the
   * detail pane fetches one whole lookup with `lookups:get`.
   */
  table: LookupTable
  /** Without the ids of their lookups: each row carries its batchId. */
  batches: BatchSummary[]
  engine: EngineState
  charges: ChargeCounts
  /**
   * False while the finished lookups are still being read at start-up: the table then holds the pending ones and
   * recent changes, and a `lookups:loaded` event follows once every lookup can be sent.
   */
  complete: boolean
  /** Lookups across every page of this read; the table holds the first (newest) of them. */
  total: number
  /** Ask `lookups:page` with this for the next rows; null when the table already holds all of them. */
  more: string | null
  /**
   * Statuses across every page of this read, when there are more pages: the dashboard's counts and batch progress
   * are right from the first page instead of climbing as the pages arrive. Null when the table holds every row.
   */
  tally: StatusTally | null
  /**
   * What this start recovered (lookups resumed, uncertain, expired while closed, rebuilt; damaged files; lookups that
   * could not be recovered, named): shown once as a dismissible banner. Null (or absent) when there is nothing to say.
   */
  recovery?: RecoveryReport | null
}

/** The next rows of a snapshot read (newest first, as the first page), fixed at the moment the read started. */
export interface SnapshotPage {
  table: LookupTable
  more: string | null
}

export interface AppSettings {
  baseUrl: string | null
  requestsPerSecond: number
  submitIntervalMs: number
  freshnessDays: number
  dailyCap: number | null
  monthlyCap: number | null
  /** Yuan per charged call, to show counts as money; null: not set. */
  pricePerCall: number | null
  language: 'zh-CN' | 'en'
  theme: 'system' | 'light' | 'dark'
  notifications: 'off' | 'failures' | 'all'
  closeToTray: boolean
  exportPlaceholder: '暂无' | '-'
  exportFormat: 'xlsx' | 'csv'
  /** Team mode (issue 17): the shared PostgreSQL database, without its password (kept in the OS key store); null: the local store alone. */
  teamDatabaseUrl: string | null
  /** This desk's name in the team; null: the host name. */
  teamDesk: string | null
}

export type { KeyStorage } from './key-storage'

export interface KeyStatus {
  set: boolean
  /** e.g. "ab12••••••••cd34"; never the key. */
  masked: string | null
  storage: KeyStorage
  /** Whether strong OS encryption is available; when false the user must choose session-only or plaintext. */
  encryptionAvailable: boolean
  backend: string | null
}

export interface KeyVerifyResult {
  ok: boolean
  code: string | null
  /** What the check found, as a catalogue message the window renders in its language. */
  text: MessageData
}

export interface ImportPreview {
  /** Opaque handle for the file main has read (the renderer never sees paths). */
  token: string
  fileName: string
  sheet: string
  /** Every sheet in the file, for a sheet switcher. */
  sheets: string[]
  /** 1-based row of the header, or null when no header was recognised. */
  headerRow: number | null
  /** The header row was taken for one because its cells are no plausible keywords (客户, 序号 …); the user may say it is data. */
  headerInferred?: boolean
  /** Read code-first: each row by its credit code, else registration number, else name (the columns, strongest first). */
  codeFirst?: { index: number; header: string; kind: 'credit_code' | 'reg_no' | 'name' }[] | null
  column: { index: number; header: string } | null
  needsColumnChoice: { index: number; header: string; sample: string[] }[] | null
  /** `problem`: why the row is never sent (a code, and a catalogue message the window renders in its language). */
  rows: { row: number; text: string; problem: { code: string; text: MessageData } | null }[]
  skippedBlank: number
  /** Source rows skipped because the keyword cell is empty while others in the row are not. */
  emptyKeywordRows: number[]
}

/** Where a submission's keywords came from: typed (or pasted), or the file main read for an import preview. */
export type SubmitSourceRef = { kind: 'typed' } | { kind: 'file'; token: string }

export interface ExportRequest {
  /** Explicit selection; when absent, `filter` (or everything) is exported. */
  ids?: string[]
  filter?: { status?: JobStatus[]; batchId?: string; text?: string }
  format: 'xlsx' | 'csv'
  /** Adds the 变更 sheet: one row per changed field per exported company (xlsx only). */
  includeChanges?: boolean
}

export interface AppInfo {
  version: string
  dataDir: string
  demo: boolean
  platform: string
}

/* ---------- the contract ---------- */

/** Every invoke channel: its argument and its result. `domain:verb`. */
export interface InvokeMap {
  'app:info': { args: void; result: AppInfo }
  /** Restarts the app in (or out of) demo mode: the built-in simulator, its own data folder, no key needed. */
  'app:set-demo': { args: { on: boolean }; result: void }
  /** Large stores come in pages: the first here, the rest through `lookups:page` (see Snapshot.more). */
  'lookups:snapshot': { args: void; result: Snapshot }
  /** NOT_FOUND once the read is finished or was left unused for two minutes: start again with lookups:snapshot. */
  'lookups:page': { args: { cursor: string }; result: SnapshotPage }
  /** Batch names and sizes, without the lookups (a batch made elsewhere, e.g. by the CLI, shows up in an event). */
  'lookups:batches': { args: void; result: BatchSummary[] }
  /** One whole lookup (with its full result), for the detail pane. NOT_FOUND when it is gone. */
  'lookups:get': { args: { id: string }; result: Job }
  /** The versions of a lookup's company, newest first, and what its result changed against the previous one. */
  'lookups:history': { args: { id: string }; result: CompanyHistory }
  /** Lookups whose company changed since its previous lookup (the list's "changed" filter), by id. */
  'lookups:changed': { args: void; result: { ids: string[] } }
  'lookups:plan': { args: { inputs: KeywordInput[]; force?: boolean }; result: Plan }
  /**
   * `source`: typed input, or the imported file by its import token (main hashes the file and keeps its name, sheet,
   * column and unreadable rows with the batch, as the CLI does).
   */
  'lookups:submit': { args: { inputs: KeywordInput[]; force?: boolean; batchName?: string; source?: SubmitSourceRef }; result: { plan: Plan; jobIds: string[]; batchId: string | null; batch: BatchSummary | null } }
  'lookups:resubmit': { args: { ids: string[] }; result: { jobIds: string[] } }
  'lookups:delete': { args: { ids: string[] }; result: { deleted: string[] } }
  /** A batch reconciled row by row: outcomes, counts adding up to the input rows, charged calls, cost. */
  'batches:reconcile': { args: { batchId: string }; result: BatchView }
  /** Renames a batch (trimmed, 1 to 100 characters). */
  'batches:rename': { args: { batchId: string; name: string }; result: BatchSummary }
  /** The batch's reconciliation as a workbook or CSV, where the user chooses to save it. */
  'batches:export': { args: { batchId: string; format: 'xlsx' | 'csv' }; result: { fileName: string; rows: number; path?: string; reveal?: string } }
  'engine:pause': { args: void; result: EngineState }
  'engine:resume': { args: void; result: EngineState }
  'import:open': { args: void; result: ImportPreview }
  'import:choose-column': { args: { token: string; column?: number; sheet?: string; hasHeader?: boolean }; result: ImportPreview }
  /** `path` is where the user chose to save (shown to them); `reveal` opens its folder through shell:show-export. */
  'export:save': { args: ExportRequest; result: { fileName: string; rows: number; path?: string; reveal?: string } }
  'settings:get': { args: void; result: AppSettings }
  'settings:set': { args: Partial<AppSettings>; result: AppSettings }
  'key:status': { args: void; result: KeyStatus }
  'key:set': { args: { key: string; storage: Exclude<KeyStorage, 'none'> }; result: KeyStatus }
  'key:verify': { args: void; result: KeyVerifyResult }
  'key:clear': { args: void; result: KeyStatus }
  'shell:open-data-folder': { args: void; result: void }
  /** Shows an export in its folder: by the token export:save returned (the page never names a path to open). */
  'shell:show-export': { args: { reveal: string }; result: void }
  /** The charged-call record, newest first. */
  'charges:list': { args: { limit?: number }; result: ChargedCall[] }
  /** Writes the audit export where the user chooses; `head` is the record's chain head it names. */
  'charges:export': { args: ChargeExportRequest; result: { fileName: string; rows: number; head: string; path?: string; reveal?: string } }
  /** The data check of `microent doctor`, on the app's own lookups and charged-call record. */
  'data:check': { args: void; result: DataFinding[] }
  /** Backs the data folder up as one zip (save dialog in main); `reveal` opens its folder (shell:show-export). */
  'data:backup': { args: void; result: { fileName: string; path: string; files: number; bytes: number; chainHead: string; reveal: string } }
  /** Team mode's settings (issue 17): they take effect on restart (`restartNeeded`, app:restart). */
  'team:get': { args: void; result: TeamSettingsView }
  'team:set': { args: TeamSettingsChange; result: TeamSettingsView }
  'team:clear-password': { args: void; result: TeamSettingsView }
  /** Connects, reads and writes nothing; a failure is a report (ok: false), not an error. */
  'team:test': { args: TeamTestRequest; result: TeamConnectionReport }
  /** The team's caps and price in the team database, as this desk (team mode only); the result as read back. */
  'team:set-caps': { args: TeamCapsChange; result: TeamUsage }
  /** Restarts the app (through its orderly quit); NOT_ALLOWED where it cannot restart itself. */
  'app:restart': { args: void; result: void }
}

/** Every event main sends to the renderer, with its payload. */
export interface EventMap {
  /** Batched: many job changes arrive as one event. */
  'lookups:updated': { jobs: Job[] }
  'lookups:deleted': { ids: string[] }
  'engine:state': EngineState
  'batches:progress': BatchProgress
  'charges:changed': ChargeCounts
  /** Every stored lookup is loaded: a snapshot taken before it lacked finished ones (see Snapshot.complete). */
  'lookups:loaded': { count: number }
  'nav:open-lookup': { id: string }
  'nav:open-batch': { batchId: string }
}

export type InvokeChannel = keyof InvokeMap
export type EventChannel = keyof EventMap
export type InvokeArgs<C extends InvokeChannel> = InvokeMap[C]['args']
export type InvokeResult<C extends InvokeChannel> = Result<InvokeMap[C]['result']>

/** Listing each channel here is checked against the maps above, so the allowlist cannot drift from the types. */
const invokeChannels: { [C in InvokeChannel]: true } = {
  'app:info': true,
  'app:set-demo': true,
  'lookups:snapshot': true,
  'lookups:page': true,
  'lookups:batches': true,
  'lookups:get': true,
  'lookups:history': true,
  'lookups:changed': true,
  'lookups:plan': true,
  'lookups:submit': true,
  'lookups:resubmit': true,
  'lookups:delete': true,
  'batches:reconcile': true,
  'batches:rename': true,
  'batches:export': true,
  'engine:pause': true,
  'engine:resume': true,
  'import:open': true,
  'import:choose-column': true,
  'export:save': true,
  'settings:get': true,
  'settings:set': true,
  'key:status': true,
  'key:set': true,
  'key:verify': true,
  'key:clear': true,
  'shell:open-data-folder': true,
  'shell:show-export': true,
  'charges:list': true,
  'charges:export': true,
  'data:check': true,
  'data:backup': true,
  'team:get': true,
  'team:set': true,
  'team:clear-password': true,
  'team:test': true,
  'team:set-caps': true,
  'app:restart': true,
}
const eventChannels: { [C in EventChannel]: true } = {
  'lookups:updated': true,
  'lookups:deleted': true,
  'engine:state': true,
  'batches:progress': true,
  'charges:changed': true,
  'lookups:loaded': true,
  'nav:open-lookup': true,
  'nav:open-batch': true,
}

export const INVOKE_CHANNELS = Object.freeze(Object.keys(invokeChannels) as InvokeChannel[])
export const EVENT_CHANNELS = Object.freeze(Object.keys(eventChannels) as EventChannel[])

/** What preload exposes as `window.api`, and what the browser test host implements over a WebSocket. */
export interface RendererApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C> extends void ? [] : [InvokeArgs<C>]): Promise<InvokeResult<C>>
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void
}
